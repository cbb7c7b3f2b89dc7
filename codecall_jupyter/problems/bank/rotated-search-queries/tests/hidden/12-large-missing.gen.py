import random

# Every value of a is even and every query is odd: all queries miss.
rng = random.Random(27183)
n = q = 200_000
s = [2 * v for v in sorted(rng.sample(range(-(5 * 10**8), 5 * 10**8), n))]
r = 1
a = s[r:] + s[:r]
queries = [2 * rng.randint(-(5 * 10**8), 5 * 10**8 - 1) + 1 for _ in range(q)]
print(n)
print(" ".join(map(str, a)))
print(q)
print(" ".join(map(str, queries)))
