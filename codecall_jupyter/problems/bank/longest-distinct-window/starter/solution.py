import sys


def longest_distinct(s: str) -> int:
    # Return the length of the longest substring of s with no repeated character.
    return 0


def main() -> None:
    data = sys.stdin.read().split()
    s = data[0] if data else ""
    print(longest_distinct(s))


main()
