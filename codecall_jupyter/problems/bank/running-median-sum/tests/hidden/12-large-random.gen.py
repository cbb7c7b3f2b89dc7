import random

# Readings anywhere in the range.
rng = random.Random(6101)
n = 300_000
print(n)
print(" ".join(str(rng.randint(-(10**9), 10**9)) for _ in range(n)))
