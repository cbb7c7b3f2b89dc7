import sys


def max_subarray_sum(a: list[int]) -> int:
    # Return the largest sum of a non-empty run of consecutive elements of a.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(max_subarray_sum(a))


main()
