import random

# A single line of descent of 2·10^5 people in shuffled order, and 2·10^5 random
# questions: the answer to each is the higher of the two people.
rng = random.Random(64002)
n = q = 200_000
order = [1] + rng.sample(range(2, n + 1), n - 1)
parent = [0] * (n + 1)
for k in range(1, n):
    parent[order[k]] = order[k - 1]
print(n)
print(" ".join(map(str, parent[2:])))
print(q)
print("\n".join(f"{rng.randint(1, n)} {rng.randint(1, n)}" for _ in range(q)))
