import random

# A valid zigzag path: the smallest value, then the largest as its right child, then the
# second smallest as that one's left child, and so on, closing in from both ends.
# 2·10^5 levels deep, shuffled node numbers. The answer is YES.
rng = random.Random(53004)
n = 200_000
values = sorted(rng.sample(range(-(10**9), 10**9 + 1), n))
low, high = 0, n - 1
path = []
for k in range(n):
    if k % 2 == 0:
        path.append(values[low])
        low += 1
    else:
        path.append(values[high])
        high -= 1
label = [1] + rng.sample(range(2, n + 1), n - 1)
rows = [""] * (n + 1)
for k in range(n):
    child = label[k + 1] if k + 1 < n else 0
    if k % 2 == 0:
        rows[label[k]] = f"{path[k]} 0 {child}"  # the next node is larger: right child
    else:
        rows[label[k]] = f"{path[k]} {child} 0"  # the next node is smaller: left child
print(n)
print("\n".join(rows[1:]))
