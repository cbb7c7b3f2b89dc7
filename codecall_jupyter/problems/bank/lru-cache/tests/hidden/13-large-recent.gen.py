import random

# Fill the cache with c distinct keys, then keep using the keys touched most recently
# (a slow linear search from the least recent end walks the whole cache every time) and
# now and then add a new key, which evicts the least recently used one.
rng = random.Random(90210)
c = 100_000
q = 200_000
lines = [f"{c} {q}"]
recent = []
for i in range(c):
    key = 7 * i + 3
    lines.append(f"put {key} {rng.randrange(10**9)}")
    recent.append(key)
next_key = 7 * c + 3
for i in range(q - c):
    r = rng.random()
    if r < 0.1:
        key = next_key
        next_key += 7
        lines.append(f"put {key} {rng.randrange(10**9)}")
    else:
        key = recent[-1 - rng.randrange(64)]
        if r < 0.6:
            lines.append(f"get {key}")
        else:
            lines.append(f"put {key} {rng.randrange(10**9)}")
    recent.append(key)
    if len(recent) > 4096:
        del recent[:2048]
print("\n".join(lines))
