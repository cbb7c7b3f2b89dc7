# The same winding corridor, but a shelf blocks the way just before E: the answer is -1
# only after the whole corridor has been explored.
R = C = 1000
rows = []
for r in range(R):
    if r % 2 == 0:
        rows.append(["."] * C)
    elif r % 4 == 1:
        rows.append(["#"] * (C - 1) + ["."])
    else:
        rows.append(["."] + ["#"] * (C - 1))
rows[0][0] = "S"
rows[R - 2][0] = "E"
rows[R - 2][1] = "#"
print(R, C)
print("\n".join("".join(row) for row in rows))
