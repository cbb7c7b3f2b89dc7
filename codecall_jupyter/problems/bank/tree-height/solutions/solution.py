import sys


def tree_height(n: int, parent: list[int]) -> int:
    # Breadth-first, one level at a time: the number of levels is the height. O(n).
    children: list[list[int]] = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    height = 0
    level = [1]
    while level:
        height += 1
        level = [c for v in level for c in children[v]]
    return height


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + [int(x) for x in data[1:n]]
    print(tree_height(n, parent))


main()
