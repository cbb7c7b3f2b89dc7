import sys


def window_max_sum(a: list[int], k: int) -> int:
    # Return the sum of the maxima of all windows of k consecutive values of a.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(window_max_sum(a, k))


main()
