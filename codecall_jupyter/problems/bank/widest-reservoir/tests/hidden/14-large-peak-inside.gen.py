import random

# Low walls everywhere except two tall ones well inside the row.
rng = random.Random(777)
n = 200_000
heights = [rng.randint(0, 1000) for _ in range(n)]
heights[60_000] = 10**9
heights[140_000] = 999_999_999
print(n)
print(" ".join(map(str, heights)))
