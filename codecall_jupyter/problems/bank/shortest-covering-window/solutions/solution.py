import sys


def shortest_cover(s: bytes, t: bytes) -> int:
    # need[c] > 0: the window still lacks need[c] copies of c; < 0: it has spares.
    need = [0] * 128
    for c in t:
        need[c] += 1
    missing = len(t)
    best = 0
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:
            # Drop characters from the left while the window stays covering.
            while need[s[left]] < 0:
                need[s[left]] += 1
                left += 1
            if best == 0 or right - left + 1 < best:
                best = right - left + 1
            # Give up s[left]: the window now lacks exactly one character.
            need[s[left]] += 1
            missing = 1
            left += 1
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    print(shortest_cover(data[0], data[1]))


main()
