import sys


def count_ways(n: int) -> int:
    # The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1_000_000_007.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    print(count_ways(n))


main()
