import sys


def count_islands(grid: list[str]) -> int:
    # Number of groups of '#' cells connected up, down, left or right.
    return 0


def main() -> None:
    data = sys.stdin.read().split()
    rows = int(data[0])
    grid = data[2 : 2 + rows]  # rows of '#' (land) and '.' (water)
    print(count_islands(grid))


main()
