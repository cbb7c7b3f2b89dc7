import sys


def merge_bookings(bookings: list[tuple[int, int]]) -> tuple[int, int]:
    # Merge overlapping bookings; return the number of blocks and the total time they cover.
    return 0, 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = [int(x) for x in data[1 : 1 + 2 * n]]
    bookings = [(values[2 * i], values[2 * i + 1]) for i in range(n)]
    blocks, covered = merge_bookings(bookings)
    print(blocks, covered)


main()
