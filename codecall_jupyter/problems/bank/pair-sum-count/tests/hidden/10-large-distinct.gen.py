import random

rng = random.Random(20261122)
n = 200_000
values = rng.sample(range(-(10**9), 10**9), n)
print(n, 1234567)
print(" ".join(map(str, values)))
