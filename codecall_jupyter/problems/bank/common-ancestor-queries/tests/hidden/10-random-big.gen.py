import random

# A random tree of 2·10^5 people (each new one hangs from a random earlier one): shallow.
# Shuffled numbers, 2·10^5 random questions.
rng = random.Random(64001)
n = q = 200_000
labels = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
for k in range(1, n):
    parent[labels[k]] = labels[rng.randrange(k)]
print(n)
print(" ".join(map(str, parent[2:])))
print(q)
print("\n".join(f"{rng.randint(1, n)} {rng.randint(1, n)}" for _ in range(q)))
