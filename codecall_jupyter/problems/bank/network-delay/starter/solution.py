import sys


def network_delay(n: int, links: list[tuple[int, int, int]]) -> int:
    # Time at which every server has heard the alert sent by server 1, or -1 if some never does.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    numbers = [int(x) for x in data[2 : 2 + 3 * m]]
    links = list(zip(numbers[0::3], numbers[1::3], numbers[2::3]))  # (u, v, w): u -> v in w
    print(network_delay(n, links))


main()
