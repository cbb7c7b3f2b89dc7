import random

# A random maze on a 1000 x 1000 floor: rooms at even coordinates, carved by a randomised
# depth-first search (explicit stack), so there is exactly one route between any two
# rooms, long and winding. S and E are in opposite corners.
rng = random.Random(86002)
R = C = 1000
grid = [["#"] * C for _ in range(R)]
rooms = R // 2
seen = [[False] * rooms for _ in range(rooms)]
stack = [(0, 0)]
seen[0][0] = True
grid[0][0] = "."
while stack:
    r, c = stack[-1]
    options = [
        (r + dr, c + dc)
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
        if 0 <= r + dr < rooms and 0 <= c + dc < rooms and not seen[r + dr][c + dc]
    ]
    if not options:
        stack.pop()
        continue
    nr, nc = rng.choice(options)
    seen[nr][nc] = True
    grid[r + nr][c + nc] = "."  # the wall between the two rooms
    grid[2 * nr][2 * nc] = "."
    stack.append((nr, nc))
grid[0][0] = "S"
grid[2 * rooms - 2][2 * rooms - 2] = "E"
print(R, C)
print("\n".join("".join(row) for row in grid))
