import random

rng = random.Random(5551212)
n = 200_000
values = [rng.randint(-3, 3) for _ in range(n)]
print(n, 5)
print(" ".join(map(str, values)))
