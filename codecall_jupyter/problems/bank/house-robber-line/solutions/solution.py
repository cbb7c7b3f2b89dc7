import sys


def best_harvest(a: list[int]) -> int:
    # skip: best total so far with the last tree not picked; take: with it picked.
    skip, take = 0, 0
    for x in a:
        skip, take = max(skip, take), skip + x
    return max(skip, take)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1 : 1 + n]))
    print(best_harvest(a))


main()
