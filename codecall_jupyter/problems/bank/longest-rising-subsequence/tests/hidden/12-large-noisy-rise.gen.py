import random

# A slow upward trend with noise: the answer is long, so the tails list grows large.
rng = random.Random(13579)
n = 200_000
print(n)
print(" ".join(str(i * 5000 - 10**9 + rng.randint(0, 40_000)) for i in range(n)))
