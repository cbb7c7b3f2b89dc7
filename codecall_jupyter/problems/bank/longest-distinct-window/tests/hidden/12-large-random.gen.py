import random

rng = random.Random(8675309)
n = 200_000
alphabet = [chr(c) for c in range(33, 127)]
print("".join(rng.choice(alphabet) for _ in range(n)))
