import sys


def count_runs(a: list[int], k: int) -> int:
    # seen[p] = how many prefixes (including the empty one) sum to p.
    seen: dict[int, int] = {0: 1}
    prefix = runs = 0
    for x in a:
        prefix += x
        runs += seen.get(prefix - k, 0)
        seen[prefix] = seen.get(prefix, 0) + 1
    return runs


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(count_runs(a, k))


main()
