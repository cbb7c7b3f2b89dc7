import sys
from functools import reduce
from operator import xor


def lonely_pair(a: list[int]) -> tuple[int, int]:
    both = reduce(xor, a)  # x ^ y: the pairs cancel out
    bit = both & -both  # a bit where x and y differ
    x = reduce(xor, (v for v in a if v & bit), 0)
    y = both ^ x
    return (x, y) if x < y else (y, x)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1 : 1 + n]))
    x, y = lonely_pair(a)
    print(x, y)


main()
