import random

# Meetings of all lengths spread over the whole day range.
rng = random.Random(4201)
n = 300_000
print(n)
lines = []
for _ in range(n):
    length = rng.choice((rng.randint(1, 1000), rng.randint(1, 10**5), rng.randint(1, 10**7)))
    start = rng.randint(0, 10**9 - length)
    lines.append(f"{start} {start + length}")
print("\n".join(lines))
