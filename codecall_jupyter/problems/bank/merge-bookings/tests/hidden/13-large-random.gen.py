import random

# Bookings of very different lengths scattered over the whole range.
rng = random.Random(3101)
n = 300_000
print(n)
lines = []
for _ in range(n):
    length = rng.choice((0, rng.randint(0, 100), rng.randint(0, 5000), rng.randint(0, 20000)))
    left = rng.randint(-(10**9), 10**9 - length)
    lines.append(f"{left} {left + length}")
print("\n".join(lines))
