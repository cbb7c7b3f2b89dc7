import random

rng = random.Random(4242)
n = 200_000
print("".join(rng.choice("abcdefgh") for _ in range(n)))
