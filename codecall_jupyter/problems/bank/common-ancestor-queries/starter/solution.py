import sys


def lca_sum(n: int, parent: list[int], queries: list[tuple[int, int]]) -> int:
    # Sum over the queries (u, v) of the lowest common ancestor; parent[v] is v's parent.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + [int(x) for x in data[1:n]]  # parent[0] and parent[1] are unused
    q = int(data[n])
    numbers = [int(x) for x in data[n + 1 : n + 1 + 2 * q]]
    queries = list(zip(numbers[0::2], numbers[1::2]))
    print(lca_sum(n, parent, queries))


main()
