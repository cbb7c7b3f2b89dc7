import sys


def edit_distance(s: str, t: str) -> int:
    # The fewest single-letter insertions, deletions and replacements that turn s into t.
    return 0


def main() -> None:
    data = sys.stdin.buffer.read().split()
    s, t = data[0].decode(), data[1].decode()
    print(edit_distance(s, t))


main()
