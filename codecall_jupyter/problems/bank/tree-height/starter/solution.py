import sys


def tree_height(n: int, parent: list[int]) -> int:
    # Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (v >= 2).
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + [int(x) for x in data[1:n]]  # parent[0] and parent[1] are unused
    print(tree_height(n, parent))


main()
