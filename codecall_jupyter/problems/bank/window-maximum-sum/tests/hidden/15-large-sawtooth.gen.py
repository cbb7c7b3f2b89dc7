import random

# Falling runs of random lengths, each restarting from a random peak.
rng = random.Random(9102)
n = 500_000
k = 230_000
a = []
while len(a) < n:
    peak = rng.randint(0, 10**9)
    run = rng.randint(1, 50_000)
    a += [max(-(10**9), peak - 7 * j) for j in range(run)]
a = a[:n]
print(n, k)
print(" ".join(map(str, a)))
