import random

rng = random.Random(55501)
k, amount = 12, 100_000
coins = [rng.randint(2, 10_000) for _ in range(k)]
print(k, amount)
print(" ".join(map(str, coins)))
