import random

# The root has two children, each at the top of a line of 10^5 people; a few short side
# branches hang along both lines. Most questions pair a deep person from one line with a
# deep person from the other (the answer is far up); the rest stay within one line.
rng = random.Random(64003)
n = q = 200_000
side = 3_000
line = (n - 1 - side) // 2
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
branch = [[], []]
k = 1
for b in range(2):
    previous = 0
    for _ in range(line):
        parent[labels[k]] = labels[previous]
        branch[b].append(labels[k])
        previous = k
        k += 1
while k < n:
    b = rng.randrange(2)
    parent[labels[k]] = rng.choice(branch[b][: line // 2])
    k += 1
print(n)
print(" ".join(map(str, parent[2:])))
print(q)
rows = []
for _ in range(q):
    if rng.random() < 0.8:
        u = branch[0][rng.randrange(line // 2, line)]
        v = branch[1][rng.randrange(line // 2, line)]
    else:
        b = rng.randrange(2)
        u, v = rng.choice(branch[b]), rng.choice(branch[b])
    rows.append(f"{u} {v}" if rng.random() < 0.5 else f"{v} {u}")
print("\n".join(rows))
