import sys


def is_balanced(s: str) -> bool:
    # Return True if every bracket in s is closed by its own type, properly nested.
    return False


def main() -> None:
    data = sys.stdin.read().split()
    s = data[1] if len(data) > 1 else ""
    print("YES" if is_balanced(s) else "NO")


main()
