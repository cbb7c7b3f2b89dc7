import sys


def longest_run(a: list[int]) -> int:
    # Count upward only from values that start a run (v - 1 absent): O(n) expected.
    present = set(a)
    best = 0
    for v in present:
        if v - 1 not in present:
            end = v + 1
            while end in present:
                end += 1
            if end - v > best:
                best = end - v
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(longest_run(a))


main()
