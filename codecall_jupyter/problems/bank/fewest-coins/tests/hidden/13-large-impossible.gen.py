import random

# Every coin is a multiple of 3 and the amount is not: no way to pay.
rng = random.Random(55502)
k, amount = 12, 99_998
coins = [3 * rng.randint(1, 3_333) for _ in range(k - 1)] + [3]
rng.shuffle(coins)
print(k, amount)
print(" ".join(map(str, coins)))
