import random

# A binary search tree of 2·10^5 distinct random values built by insertion (about 40
# levels deep), with shuffled node numbers. The answer is YES.
rng = random.Random(53001)
n = 200_000
values = rng.sample(range(-(10**9), 10**9 + 1), n)
left = [-1] * n
right = [-1] * n
for k in range(1, n):
    cur = 0
    while True:
        side = left if values[k] < values[cur] else right
        if side[cur] < 0:
            side[cur] = k
            break
        cur = side[cur]
label = [1] + rng.sample(range(2, n + 1), n - 1)
rows = [""] * (n + 1)
for k in range(n):
    l = label[left[k]] if left[k] >= 0 else 0
    r = label[right[k]] if right[k] >= 0 else 0
    rows[label[k]] = f"{values[k]} {l} {r}"
print(n)
print("\n".join(rows[1:]))
