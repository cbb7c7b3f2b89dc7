import sys


def total_wait(t: list[int]) -> int:
    # Return the sum over all days of the days until a strictly warmer one (0 if never).
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    t = [int(x) for x in data[1 : 1 + n]]
    print(total_wait(t))


main()
