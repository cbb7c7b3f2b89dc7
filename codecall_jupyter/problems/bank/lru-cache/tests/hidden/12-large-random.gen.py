import random

# Fill the cache, then random puts and gets over a few more keys than it can hold.
rng = random.Random(4242017)
c, q = 100_000, 200_000
keys = rng.sample(range(10**9), 120_000)
lines = [f"{c} {q}"]
for key in keys[:c]:
    lines.append(f"put {key} {rng.randrange(10**9)}")
for _ in range(q - c):
    key = keys[rng.randrange(len(keys))]
    if rng.random() < 0.4:
        lines.append(f"put {key} {rng.randrange(10**9)}")
    else:
        lines.append(f"get {key}")
print("\n".join(lines))
