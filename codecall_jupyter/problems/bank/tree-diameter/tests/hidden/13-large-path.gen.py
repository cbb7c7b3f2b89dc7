import random

# A single path of 2·10^5 chambers in shuffled label order, random lengths: the
# diameter is the whole path.
rng = random.Random(42002)
n = 200_000
order = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
weight = [0] * (n + 1)
for k in range(1, n):
    parent[order[k]] = order[k - 1]
    weight[order[k]] = rng.randint(0, 10**9)
print(n)
print(" ".join(map(str, parent[2:])))
print(" ".join(map(str, weight[2:])))
