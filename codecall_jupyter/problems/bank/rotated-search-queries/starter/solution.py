import sys


def sum_of_positions(a: list[int], queries: list[int]) -> int:
    # The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    q = int(data[1 + n])
    queries = [int(x) for x in data[2 + n : 2 + n + q]]
    print(sum_of_positions(a, queries))


main()
