# A 1000 x 1000 floor that is one winding corridor: rows of free floor joined by single
# cells at alternating ends. S is at the start, E at the very end: about 500 000 steps.
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
rows[R - 2][0] = "E"  # the last corridor row runs right to left; E ends it
print(R, C)
print("\n".join("".join(row) for row in rows))
