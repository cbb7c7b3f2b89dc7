# A left path of 2·10^5 nodes with decreasing values, numbered from the root down; the
# bottom node repeats its parent's value. Only that last pair breaks the order: NO.
n = 200_000
print(n)
rows = []
for k in range(1, n + 1):
    value = 10**9 - 5000 * k if k < n else 10**9 - 5000 * (k - 1)
    rows.append(f"{value} {k + 1 if k < n else 0} 0")
print("\n".join(rows))
