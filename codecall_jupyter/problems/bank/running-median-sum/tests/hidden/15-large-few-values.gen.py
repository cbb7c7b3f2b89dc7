import random

# Only a handful of distinct readings, many repeats, drifting upwards over time.
rng = random.Random(6102)
n = 300_000
values = [-(10**9), -5, 0, 3, 10**9]
out = []
for i in range(n):
    weights = [n - i, 2000, 2000, 2000, i + 1]
    out.append(rng.choices(values, weights)[0])
print(n)
print(" ".join(map(str, out)))
