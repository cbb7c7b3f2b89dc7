import sys


def longest_run(a: list[int]) -> int:
    # Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(longest_run(a))


main()
