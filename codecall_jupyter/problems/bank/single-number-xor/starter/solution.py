import sys


def lonely_pair(a: list[int]) -> tuple[int, int]:
    # The two values that appear once in a (every other value appears twice), smaller first.
    return (0, 0)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    x, y = lonely_pair(a)
    print(x, y)


main()
