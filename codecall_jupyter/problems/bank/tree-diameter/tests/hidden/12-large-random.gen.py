import random

# A random tree of 2·10^5 chambers (each new one hangs from a random earlier one),
# shuffled labels, random lengths.
rng = random.Random(42001)
n = 200_000
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
weight = [0] * (n + 1)
for k in range(1, n):
    parent[labels[k]] = labels[rng.randrange(k)]
    weight[labels[k]] = rng.randint(0, 10**9)
print(n)
print(" ".join(map(str, parent[2:])))
print(" ".join(map(str, weight[2:])))
