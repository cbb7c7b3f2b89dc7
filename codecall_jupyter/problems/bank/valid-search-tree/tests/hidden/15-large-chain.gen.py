import random

# Every node is the right child of the previous one, values increasing: a valid tree
# 2·10^5 levels deep, with shuffled node numbers. The answer is YES.
rng = random.Random(53003)
n = 200_000
values = sorted(rng.sample(range(-(10**9), 10**9 + 1), n))
label = [1] + rng.sample(range(2, n + 1), n - 1)
rows = [""] * (n + 1)
for k in range(n):
    r = label[k + 1] if k + 1 < n else 0
    rows[label[k]] = f"{values[k]} 0 {r}"
print(n)
print("\n".join(rows[1:]))
