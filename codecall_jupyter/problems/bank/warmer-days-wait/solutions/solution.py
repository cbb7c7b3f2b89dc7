import sys


def total_wait(t: list[int]) -> int:
    # Stack of days still waiting; their readings never increase from bottom to top.
    waiting: list[int] = []
    total = 0
    for j, x in enumerate(t):
        while waiting and t[waiting[-1]] < x:
            total += j - waiting.pop()
        waiting.append(j)
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    t = [int(x) for x in data[1 : 1 + n]]
    print(total_wait(t))


main()
