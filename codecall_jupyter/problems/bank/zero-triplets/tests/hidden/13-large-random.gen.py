import random

rng = random.Random(3141)
n = 6000
print(n)
print(" ".join(str(rng.randint(-100_000, 100_000)) for _ in range(n)))
