import sys


def rooms_needed(meetings: list[tuple[int, int]]) -> int:
    # Return the minimum number of rooms that hosts every meeting [s, e).
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = [int(x) for x in data[1 : 1 + 2 * n]]
    meetings = [(values[2 * i], values[2 * i + 1]) for i in range(n)]
    print(rooms_needed(meetings))


main()
