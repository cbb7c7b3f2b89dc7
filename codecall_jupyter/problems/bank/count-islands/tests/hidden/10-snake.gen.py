# One island that winds through a 1000 x 1000 grid: full rows of land joined by single
# cells at alternating ends. A path of about 500 000 cells: deep recursion overflows.
R = C = 1000
print(R, C)
rows = []
for r in range(R):
    if r % 2 == 0:
        rows.append("#" * C)
    elif r % 4 == 1:
        rows.append("." * (C - 1) + "#")
    else:
        rows.append("#" + "." * (C - 1))
print("\n".join(rows))
