import random

# Only 500 distinct values, each repeated hundreds of times: equal readings must not chain.
rng = random.Random(97531)
n = 200_000
print(n)
print(" ".join(str(rng.randint(-250, 249)) for _ in range(n)))
