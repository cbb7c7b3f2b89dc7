import random

rng = random.Random(90210)
n = 200_000
values = [rng.randint(-(10**9), 10**9) for _ in range(n)]
# The target is the sum of one run in the middle, so the answer is at least 1.
k = sum(values[70_000:70_500])
print(n, k)
print(" ".join(map(str, values)))
