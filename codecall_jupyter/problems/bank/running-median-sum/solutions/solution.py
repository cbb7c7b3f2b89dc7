import sys
from heapq import heappush, heappushpop


def median_sum(a: list[int]) -> int:
    # low: a max-heap (stored negated) of the lower half, with as many elements as high
    # or one more; high: a min-heap of the upper half. The lower median is low's top.
    low: list[int] = []
    high: list[int] = []
    total = 0
    for x in a:
        if len(low) == len(high):
            # low grows: x goes through high, and high's smallest moves down.
            heappush(low, -heappushpop(high, x))
        else:
            # high grows: x goes through low, and low's largest moves up.
            heappush(high, -heappushpop(low, -x))
        total -= low[0]
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(median_sum(a))


main()
