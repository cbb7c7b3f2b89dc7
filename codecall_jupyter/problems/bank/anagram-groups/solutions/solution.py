import sys
from collections import Counter


def anagram_groups(words: list[bytes]) -> tuple[int, int]:
    # Anagrams share the same letters once sorted; count words per sorted form.
    groups = Counter(bytes(sorted(w)) for w in words)
    return len(groups), max(groups.values())


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    count, largest = anagram_groups(data[1 : 1 + n])
    print(count, largest)


main()
