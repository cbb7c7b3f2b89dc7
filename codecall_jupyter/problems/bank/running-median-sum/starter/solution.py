import sys


def median_sum(a: list[int]) -> int:
    # Return the sum of the lower medians of a[0..i] for every i.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(median_sum(a))


main()
