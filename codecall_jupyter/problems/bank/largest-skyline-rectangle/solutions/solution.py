import sys


def largest_rectangle(h: list[int]) -> int:
    # Stack of indices with increasing heights. A height-0 sentinel at the end flushes it.
    # When building i pops building top, top's rectangle spans from just after the new
    # stack top to just before i.
    stack: list[int] = []
    best = 0
    h = h + [0]
    for i, x in enumerate(h):
        while stack and h[stack[-1]] >= x:
            height = h[stack.pop()]
            left = stack[-1] + 1 if stack else 0
            area = height * (i - left)
            if area > best:
                best = area
        stack.append(i)
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = [int(x) for x in data[1 : 1 + n]]
    print(largest_rectangle(h))


main()
