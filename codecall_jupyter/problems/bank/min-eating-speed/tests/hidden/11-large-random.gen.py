import random

rng = random.Random(707070)
n = 100_000
h = rng.randint(n, 3 * n)
print(n, h)
print(" ".join(str(rng.randint(1, 10**9)) for _ in range(n)))
