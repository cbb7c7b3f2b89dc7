import sys


def main() -> None:
    name = sys.stdin.read().strip() or "world"
    print(f"Hello, {name}!")


if __name__ == "__main__":
    main()
