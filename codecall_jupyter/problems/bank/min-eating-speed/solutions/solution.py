import sys


def slowest_pace(pages: list[int], h: int) -> int:
    # Binary search the smallest pace whose total hours, sum of ceil(p / k), is at most h.
    # ceil(p / k) == (p - 1) // k + 1, so the hours are n + sum((p - 1) // k).
    n = len(pages)
    less = [p - 1 for p in pages]
    lo, hi = 1, max(pages)
    while lo < hi:
        k = (lo + hi) // 2
        if n + sum([q // k for q in less]) <= h:
            hi = k
        else:
            lo = k + 1
    return lo


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, h = int(data[0]), int(data[1])
    pages = list(map(int, data[2 : 2 + n]))
    print(slowest_pace(pages, h))


main()
