import random

# h == n: every document in one hour, the pace is the largest page count.
rng = random.Random(707071)
n = 100_000
pages = [rng.randint(1, 10**9) for _ in range(n)]
pages[rng.randrange(n)] = 10**9
print(n, n)
print(" ".join(map(str, pages)))
