import random

rng = random.Random(6021023)
n = 200_000
heights = [rng.randint(0, 10**9) for _ in range(n)]
print(n)
print(" ".join(map(str, heights)))
