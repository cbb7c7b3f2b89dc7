import sys


def widest_reservoir(h: list[int]) -> int:
    # Two pointers from the ends; the shorter wall can do no better, so drop it.
    lo, hi = 0, len(h) - 1
    best = 0
    while lo < hi:
        a, b = h[lo], h[hi]
        if a < b:
            area = (hi - lo) * a
            lo += 1
        else:
            area = (hi - lo) * b
            hi -= 1
        if area > best:
            best = area
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1 : 1 + n]]
    print(widest_reservoir(h))


main()
