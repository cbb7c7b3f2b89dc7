import sys


def widest_reservoir(h: list[int]) -> int:
    # Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1 : 1 + n]]
    print(widest_reservoir(h))


main()
