import random

# A single path of 2·10^5 nodes in shuffled label order: the height is n.
rng = random.Random(31002)
n = 200_000
order = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
for k in range(1, n):
    parent[order[k]] = order[k - 1]
print(n)
print(" ".join(map(str, parent[2:])))
