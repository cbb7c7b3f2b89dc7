import sys


def edit_distance(s: str, t: str) -> int:
    # Row by row: prev[j] is the distance between the previous prefix of s and t[:j].
    # When the letters match, d(i, j) = d(i-1, j-1): neighbouring cells differ by at most 1,
    # so the other two options can never be smaller.
    prev = list(range(len(t) + 1))
    for i, a in enumerate(s, 1):
        cur = [i]
        left = i
        for b, diag, up in zip(t, prev, prev[1:]):
            if b == a:
                left = diag
            else:
                if up < left:
                    left = up
                if diag < left:
                    left = diag
                left += 1
            cur.append(left)
        prev = cur
    return prev[-1]


def main() -> None:
    data = sys.stdin.buffer.read().split()
    s, t = data[0].decode(), data[1].decode()
    print(edit_distance(s, t))


main()
