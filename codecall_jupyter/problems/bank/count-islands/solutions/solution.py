import re
import sys

LAND_RUN = re.compile(rb"#+")


def count_islands(grid: list[bytes]) -> int:
    # Row by row, over runs of consecutive land cells: each run starts as its own island,
    # and a run that shares a column with a run of the row above is joined to it with a
    # union-find. Every join of two different islands removes one. About R·C / 2 runs at
    # most, each handled a constant number of times (amortised), with no recursion.
    parent: list[int] = []

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    islands = 0
    above: list[tuple[int, int, int]] = []  # runs of the row above: (start, end, id)
    for row in grid:
        runs = []
        for m in LAND_RUN.finditer(row):
            runs.append((m.start(), m.end(), len(parent)))
            parent.append(len(parent))
        islands += len(runs)
        i = j = 0
        while i < len(above) and j < len(runs):
            s1, e1, a = above[i]
            s2, e2, b = runs[j]
            if s1 < e2 and s2 < e1:  # the runs share a column
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[rb] = ra
                    islands -= 1
            if e1 <= e2:
                i += 1
            else:
                j += 1
        above = runs
    return islands


def main() -> None:
    data = sys.stdin.buffer.read().split()
    rows = int(data[0])
    print(count_islands(data[2 : 2 + rows]))


main()
