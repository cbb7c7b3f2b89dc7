import sys


def shortest_cover(s: str, t: str) -> int:
    # Return the length of the shortest substring of s holding every character of t
    # (with multiplicity), or 0 if there is none.
    return 0


def main() -> None:
    data = sys.stdin.read().split()
    print(shortest_cover(data[0], data[1]))


main()
