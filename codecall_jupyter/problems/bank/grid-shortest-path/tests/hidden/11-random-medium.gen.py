import random

# A 200 x 200 floor with shelves on about 30% of the cells, S and E in opposite corners
# (their neighbours kept free).
rng = random.Random(86001)
R = C = 200
grid = [["#" if rng.random() < 0.3 else "." for _ in range(C)] for _ in range(R)]
for r, c in ((0, 1), (1, 0), (R - 1, C - 2), (R - 2, C - 1)):
    grid[r][c] = "."
grid[0][0] = "S"
grid[R - 1][C - 1] = "E"
print(R, C)
print("\n".join("".join(row) for row in grid))
