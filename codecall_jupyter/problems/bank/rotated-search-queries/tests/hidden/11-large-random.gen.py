import random

rng = random.Random(27182)
n = q = 200_000
s = sorted(rng.sample(range(-(10**9), 10**9), n))
r = rng.randrange(n)
a = s[r:] + s[:r]
queries = [rng.choice(a) if rng.random() < 0.5 else rng.randint(-(10**9), 10**9) for _ in range(q)]
print(n)
print(" ".join(map(str, a)))
print(q)
print(" ".join(map(str, queries)))
