import random

# A broom: a handle (path) of 10^5 nodes from the root, then 10^5 leaves hanging from
# the last handle node and from random handle nodes near the bottom. Shuffled labels.
rng = random.Random(31003)
n = 200_000
handle = 100_000
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
for k in range(1, handle):
    parent[labels[k]] = labels[k - 1]
for k in range(handle, n):
    parent[labels[k]] = labels[rng.randrange(handle - 50, handle)]
print(n)
print(" ".join(map(str, parent[2:])))
