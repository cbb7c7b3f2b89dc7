import sys
from collections import Counter


def count_pairs(a: list[int], target: int) -> int:
    seen: Counter[int] = Counter()
    pairs = 0
    for x in a:
        pairs += seen[target - x]
        seen[x] += 1
    return pairs


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(count_pairs(a, target))


main()
