import sys


class HitCounter:
    def __init__(self) -> None:
        # No hits yet; set up whatever you need here.
        pass

    def hit(self, t: int) -> None:
        # A request arrived at second t (t never decreases between calls).
        pass

    def count(self, t: int) -> int:
        # The number of hits with a time in (t - 300, t].
        return 0


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
