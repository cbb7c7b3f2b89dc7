import random

# The root leads down a light path of 1000 chambers to a hub; two heavy arms of 99 500
# chambers each hang from the hub. The diameter joins the two arms, away from the root.
rng = random.Random(42003)
n = 200_000
stem = 1000
arm = (n - stem) // 2
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
weight = [0] * (n + 1)
for k in range(1, stem):
    parent[labels[k]] = labels[k - 1]
    weight[labels[k]] = 1
hub = stem - 1
for start in (stem, stem + arm):
    previous = hub
    for k in range(start, start + arm):
        parent[labels[k]] = labels[previous]
        weight[labels[k]] = 10**9 - rng.randint(0, 1000)
        previous = k
print(n)
print(" ".join(map(str, parent[2:])))
print(" ".join(map(str, weight[2:])))
