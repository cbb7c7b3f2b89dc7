import sys


def longest_rise(a: list[int]) -> int:
    # The length of the longest strictly increasing subsequence of a.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(longest_rise(a))


main()
