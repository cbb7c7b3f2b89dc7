import random

# Random scores, a top-1000 threshold.
rng = random.Random(1201)
n = 300_000
k = 1000
print(n, k)
print(" ".join(str(rng.randint(-(10**9), 10**9)) for _ in range(n)))
