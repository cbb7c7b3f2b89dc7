import random

rng = random.Random(2720)
print("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2000)))
print("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(700)))
