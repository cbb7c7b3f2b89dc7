import sys


def threshold_sum(a: list[int], k: int) -> int:
    # Return the sum, over arrivals k..n, of the k-th largest score received so far.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(threshold_sum(a, k))


main()
