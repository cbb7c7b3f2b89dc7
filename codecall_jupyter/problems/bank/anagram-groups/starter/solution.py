import sys


def anagram_groups(words: list[str]) -> tuple[int, int]:
    # Return (number of anagram groups, size of the largest group).
    return 0, 0


def main() -> None:
    data = sys.stdin.read().split()
    n = int(data[0])
    count, largest = anagram_groups(data[1 : 1 + n])
    print(count, largest)


main()
