import sys
from collections import deque

WINDOW = 300


class HitCounter:
    """A queue of (second, hits in that second) pairs inside the window; each pair enters
    and leaves once: O(1) amortized per operation."""

    def __init__(self) -> None:
        self.seconds: deque[list[int]] = deque()
        self.total = 0

    def _expire(self, t: int) -> None:
        seconds = self.seconds
        while seconds and seconds[0][0] <= t - WINDOW:
            self.total -= seconds.popleft()[1]

    def hit(self, t: int) -> None:
        self._expire(t)
        if self.seconds and self.seconds[-1][0] == t:
            self.seconds[-1][1] += 1
        else:
            self.seconds.append([t, 1])
        self.total += 1

    def count(self, t: int) -> int:
        self._expire(t)
        return self.total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    counter = HitCounter()
    answer = 0
    for i in range(q):
        t = int(data[2 + 2 * i])
        if data[1 + 2 * i] == b"hit":
            counter.hit(t)
        else:
            answer += counter.count(t)
    print(answer)


main()
