import sys


def count_pairs(a: list[int], target: int) -> int:
    # Count the pairs i < j with a[i] + a[j] == target.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(count_pairs(a, target))


main()
