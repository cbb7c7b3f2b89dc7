import sys
from heapq import heappush, heapreplace


def threshold_sum(a: list[int], k: int) -> int:
    # A min-heap of the k largest scores so far; its top is the k-th largest.
    top: list[int] = []
    total = 0
    for x in a:
        if len(top) < k:
            heappush(top, x)
        elif x > top[0]:
            heapreplace(top, x)
        if len(top) == k:
            total += top[0]
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(threshold_sum(a, k))


main()
