import sys

MOD = 1_000_000_007


def count_ways(n: int) -> int:
    # ways(i) = ways(i-1) + ways(i-2) + ways(i-3); keep the last three values only.
    a, b, c = 0, 0, 1  # ways(-2), ways(-1), ways(0)
    for _ in range(n):
        a, b, c = b, c, (a + b + c) % MOD
    return c


def main() -> None:
    data = sys.stdin.buffer.read().split()
    print(count_ways(int(data[0])))


main()
