import random

rng = random.Random(86420)
n = 200_000
print(n)
print(" ".join(str(rng.randint(-(10**9), 10**9)) for _ in range(n)))
