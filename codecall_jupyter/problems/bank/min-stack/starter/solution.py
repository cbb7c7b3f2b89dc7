import sys


class MinStack:
    def __init__(self) -> None:
        # An empty stack; set up whatever you need here.
        pass

    def push(self, x: int) -> None:
        # Put x on top of the stack.
        pass

    def pop(self) -> None:
        # Remove the element on top of the stack.
        pass

    def top(self) -> int:
        # The element on top of the stack.
        return 0

    def get_min(self) -> int:
        # The smallest element in the stack.
        return 0


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
