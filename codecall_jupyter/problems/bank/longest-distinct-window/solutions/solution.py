import sys


def longest_distinct(s: bytes) -> int:
    # Sliding window: left is the first index of the window; last[c] is where c was last seen.
    last = [-1] * 128
    left = best = 0
    for i, c in enumerate(s):
        if last[c] >= left:
            left = last[c] + 1
        last[c] = i
        if i - left + 1 > best:
            best = i - left + 1
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    s = data[0] if data else b""
    print(longest_distinct(s))


main()
