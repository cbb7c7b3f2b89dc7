import sys


def largest_rectangle(h: list[int]) -> int:
    # Return the largest area of a rectangle standing on the ground under the skyline h.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1 : 1 + n]]
    print(largest_rectangle(h))


main()
