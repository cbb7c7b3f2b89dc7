import sys


def slowest_pace(pages: list[int], h: int) -> int:
    # The smallest pace k with sum of ceil(p / k) over all documents at most h.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, h = int(data[0]), int(data[1])
    pages = [int(x) for x in data[2 : 2 + n]]
    print(slowest_pace(pages, h))


main()
