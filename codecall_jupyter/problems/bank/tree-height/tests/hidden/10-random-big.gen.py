import random

# A random tree of 2·10^5 nodes (each new node hangs from a random earlier one), with
# shuffled labels: shallow and wide.
rng = random.Random(31001)
n = 200_000
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
for k in range(1, n):
    parent[labels[k]] = labels[rng.randrange(k)]
print(n)
print(" ".join(map(str, parent[2:])))
