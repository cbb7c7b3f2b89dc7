import sys


def best_harvest(a: list[int]) -> int:
    # The largest sum of elements of a with no two of them adjacent.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(best_harvest(a))


main()
