import sys
from bisect import bisect_left


def longest_rise(a: list[int]) -> int:
    # tails[L] is the smallest value a rising subsequence of length L + 1 can end with.
    tails: list[int] = []
    for x in a:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1 : 1 + n]))
    print(longest_rise(a))


main()
