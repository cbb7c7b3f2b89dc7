import random

rng = random.Random(2718)
n = 6000
print(n)
print(" ".join(str(rng.randint(-60, 60)) for _ in range(n)))
