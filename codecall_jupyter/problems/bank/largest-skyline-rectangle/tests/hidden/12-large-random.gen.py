import random

# Heights anywhere from 0 to 10^9.
rng = random.Random(5501)
n = 300_000
print(n)
print(" ".join(str(rng.randint(0, 10**9)) for _ in range(n)))
