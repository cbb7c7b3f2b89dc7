import random

rng = random.Random(31415926)
n = 200_000
values = [rng.randint(-(10**9), 10**9) for _ in range(n)]
print(n)
print(" ".join(map(str, values)))
