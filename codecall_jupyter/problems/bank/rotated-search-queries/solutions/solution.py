import sys
from bisect import bisect_left


def rotation_point(a: list[int]) -> int:
    # The index of the smallest value: the first index whose value is <= a[-1].
    lo, hi = 0, len(a) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] > a[-1]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def sum_of_positions(a: list[int], queries: list[int]) -> int:
    n = len(a)
    r = rotation_point(a)
    total = 0
    for x in queries:
        # a[r..n-1] holds the values <= a[-1]; a[0..r-1] the larger ones.
        lo, hi = (r, n) if x <= a[-1] else (0, r)
        i = bisect_left(a, x, lo, hi)
        total += i if i < hi and a[i] == x else -1
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1 : 1 + n]))
    q = int(data[1 + n])
    queries = list(map(int, data[2 + n : 2 + n + q]))
    print(sum_of_positions(a, queries))


main()
