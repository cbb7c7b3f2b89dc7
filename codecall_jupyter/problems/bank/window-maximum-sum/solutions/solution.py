import sys
from collections import deque


def window_max_sum(a: list[int], k: int) -> int:
    # A deque of indices whose values decrease from front to back; its front is the
    # maximum of the current window.
    window: deque[int] = deque()
    total = 0
    for i, x in enumerate(a):
        while window and a[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            total += a[window[0]]
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2 : 2 + n]]
    print(window_max_sum(a, k))


main()
