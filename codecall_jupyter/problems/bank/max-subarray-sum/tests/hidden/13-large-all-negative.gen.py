import random

rng = random.Random(27182818)
n = 200_000
values = [-rng.randint(1, 10**9) for _ in range(n)]
print(n)
print(" ".join(map(str, values)))
