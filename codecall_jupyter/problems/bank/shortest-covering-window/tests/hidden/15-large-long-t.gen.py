import random

rng = random.Random(34558)
n = 200_000
s = "".join(rng.choice("abcde") for _ in range(n))
t = "".join(rng.choice("abcde") for _ in range(60_000))
print(s)
print(t)
