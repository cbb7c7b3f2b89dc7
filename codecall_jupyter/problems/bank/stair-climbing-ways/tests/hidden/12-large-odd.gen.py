import random

rng = random.Random(31337)
print(rng.randint(900_000, 999_999))
