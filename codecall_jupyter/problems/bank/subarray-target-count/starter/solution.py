import sys


def count_runs(a: list[int], k: int) -> int:
    # Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(count_runs(a, k))


main()
