import random

rng = random.Random(4242)
n = 500_000
print(n)
print(" ".join(str(rng.randint(0, 10**9)) for _ in range(n)))
