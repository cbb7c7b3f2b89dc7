import sys


class MinStack:
    """Each entry remembers the minimum of the stack up to and including itself: O(1) per
    operation."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.mins: list[int] = []

    def push(self, x: int) -> None:
        self.values.append(x)
        self.mins.append(x if not self.mins or x < self.mins[-1] else self.mins[-1])

    def pop(self) -> None:
        self.values.pop()
        self.mins.pop()

    def top(self) -> int:
        return self.values[-1]

    def get_min(self) -> int:
        return self.mins[-1]


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    stack = MinStack()
    min_sum = top_sum = 0
    pos = 1
    for _ in range(q):
        op = data[pos]
        pos += 1
        if op == b"push":
            stack.push(int(data[pos]))
            pos += 1
        elif op == b"pop":
            stack.pop()
        elif op == b"top":
            top_sum += stack.top()
        else:
            min_sum += stack.get_min()
    print(min_sum, top_sum)


main()
