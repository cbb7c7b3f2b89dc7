import sys


def fewest_coins(coins: list[int], amount: int) -> int:
    # The fewest coins (each value usable any number of times) summing to amount, or -1.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2 : 2 + k]]
    print(fewest_coins(coins, amount))


main()
