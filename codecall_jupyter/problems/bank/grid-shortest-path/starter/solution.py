import sys


def shortest_path(grid: list[str]) -> int:
    # Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
    return 0


def main() -> None:
    data = sys.stdin.read().split()
    rows = int(data[0])
    grid = data[2 : 2 + rows]  # rows of '.', '#', 'S' and 'E'
    print(shortest_path(grid))


main()
