import sys


def is_search_tree(n: int, value: list[int], left: list[int], right: list[int]) -> bool:
    # An in-order walk (left subtree, node, right subtree) of a search tree meets the
    # values in strictly increasing order, and only then. Explicit stack: the tree can
    # be a path of 2·10^5 nodes. O(n).
    stack: list[int] = []
    previous = None
    v = 1
    while stack or v:
        while v:
            stack.append(v)
            v = left[v]
        v = stack.pop()
        if previous is not None and value[v] <= previous:
            return False
        previous = value[v]
        v = right[v]
    return True


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    numbers = list(map(int, data[1 : 1 + 3 * n]))
    value = [0] + numbers[0::3]
    left = [0] + numbers[1::3]
    right = [0] + numbers[2::3]
    print("YES" if is_search_tree(n, value, left, right) else "NO")


main()
