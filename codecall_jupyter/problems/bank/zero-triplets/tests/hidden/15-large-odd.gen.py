import random

# Only odd numbers: three of them never add up to zero.
rng = random.Random(1618)
n = 6000
print(n)
print(" ".join(str(2 * rng.randint(-50_000, 49_999) + 1) for _ in range(n)))
