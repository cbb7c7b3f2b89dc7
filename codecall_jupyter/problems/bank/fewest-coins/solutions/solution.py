import sys


def fewest_coins(coins: list[int], amount: int) -> int:
    # best[x] = fewest coins paying exactly x; filled coin by coin (unbounded knapsack).
    inf = amount + 1
    best = [0] + [inf] * amount
    for c in set(coins):
        for x in range(c, amount + 1):
            cand = best[x - c] + 1
            if cand < best[x]:
                best[x] = cand
    return best[amount] if best[amount] < inf else -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2 : 2 + k]]
    print(fewest_coins(coins, amount))


main()
