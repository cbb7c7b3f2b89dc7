import random

# Random readings, windows half as long as the array.
rng = random.Random(9101)
n = 500_000
k = n // 2
print(n, k)
print(" ".join(str(rng.randint(-(10**9), 10**9)) for _ in range(n)))
