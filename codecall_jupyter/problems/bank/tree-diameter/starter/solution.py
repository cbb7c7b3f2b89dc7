import sys


def tree_diameter(n: int, parent: list[int], weight: list[int]) -> int:
    # Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2).
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + [int(x) for x in data[1:n]]  # index 0 and 1 are unused
    weight = [0, 0] + [int(x) for x in data[n : 2 * n - 1]]
    print(tree_diameter(n, parent, weight))


main()
