import sys

OPEN = bytes.maketrans(b".#SE", b"\1\0\1\1")


def shortest_path(grid: list[bytes]) -> int:
    # Breadth-first search, one distance level at a time, over the cells of the grid
    # flattened with a border of shelves around it (no bounds checks). Each cell is
    # marked when it is reached and enters the frontier once: O(R·C).
    rows, cols = len(grid), len(grid[0])
    width = cols + 2
    flat = b"#" * width + b"".join(b"#" + row + b"#" for row in grid) + b"#" * width
    free = bytearray(flat.translate(OPEN))  # 1 for a free cell, 0 for a shelf
    start, end = flat.index(b"S"), flat.index(b"E")
    free[start] = 0
    frontier = [start]
    steps = 0
    while frontier:
        steps += 1
        reached = []
        for v in frontier:
            for u in (v - 1, v + 1, v - width, v + width):
                if free[u]:
                    free[u] = 0
                    reached.append(u)
        if not free[end]:
            return steps
        frontier = reached
    return -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    rows = int(data[0])
    print(shortest_path(data[2 : 2 + rows]))


main()
