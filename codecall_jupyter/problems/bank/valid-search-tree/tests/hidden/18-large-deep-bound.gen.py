# A zigzag path of n - 1 nodes closing in from both ends (valid), numbered from the root
# down, then one extra leaf under the bottom node. The leaf is in order with its parent
# and with every ancestor above the middle of the path, but it is smaller than the
# middle node, whose right subtree holds it. The answer is NO.
n = 200_000
m = n - 1
values = [-(10**9) + 9000 * i for i in range(m)]
low, high = 0, m - 1
path = []
for k in range(m):
    if k % 2 == 0:
        path.append(values[low])
        low += 1
    else:
        path.append(values[high])
        high -= 1
middle = (m // 2) // 2 * 2  # an even depth: that node's subtree is on its right
leaf = path[middle] - 1
rows = []
for k in range(m):
    child = k + 2 if k + 1 < m else 0
    if k == m - 1:
        rows.append(f"{path[k]} {n} 0")  # the extra leaf hangs on the left
    elif k % 2 == 0:
        rows.append(f"{path[k]} 0 {child}")
    else:
        rows.append(f"{path[k]} {child} 0")
rows.append(f"{leaf} 0 0")
print(n)
print("\n".join(rows))
