import random

rng = random.Random(11235)
n = 200_000
print("".join(rng.choice("abcdefghijklmnopqrstuvwxy") for _ in range(n)))
print("abz")
