import sys


def is_search_tree(n: int, value: list[int], left: list[int], right: list[int]) -> bool:
    # True if the tree rooted at node 1 is a strict binary search tree (0 = no child).
    return False


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    numbers = [int(x) for x in data[1 : 1 + 3 * n]]
    value = [0] + numbers[0::3]  # index 0 is unused: nodes are 1..n
    left = [0] + numbers[1::3]
    right = [0] + numbers[2::3]
    print("YES" if is_search_tree(n, value, left, right) else "NO")


main()
