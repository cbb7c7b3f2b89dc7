import sys

MOD = 1_000_000_007


def course_order(n: int, rules: list[tuple[int, int]]) -> list[int]:
    # The lexicographically smallest valid order of courses 1..n, or [] if there is none.
    return []


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    numbers = [int(x) for x in data[2 : 2 + 2 * m]]
    rules = list(zip(numbers[0::2], numbers[1::2]))  # (a, b): a must come before b
    order = course_order(n, rules)
    if not order:
        print(-1)
    else:
        print(sum(i * c for i, c in enumerate(order, start=1)) % MOD)


main()
