import random

# A tall stack, then mostly queries: scanning the stack for every min is far too slow.
rng = random.Random(777001)
q = 200_000
pushes = 100_000
lines = [str(q)]
for _ in range(pushes):
    lines.append(f"push {rng.randint(-10**9, 10**9)}")
for _ in range(q - pushes):
    r = rng.random()
    if r < 0.8:
        lines.append("min")
    elif r < 0.9:
        lines.append("top")
    elif r < 0.95:
        lines.append("pop")
    else:
        lines.append(f"push {rng.randint(-10**9, 10**9)}")
print("\n".join(lines))
