import random

rng = random.Random(2718)
n = 2000
print("".join(rng.choice("acgt") for _ in range(n)))
print("".join(rng.choice("acgt") for _ in range(n)))
