import sys

PARTNER = {ord(")"): ord("("), ord("]"): ord("["), ord("}"): ord("{")}


def is_balanced(s: bytes) -> bool:
    # A stack of the brackets still open; each closing bracket must match its top.
    stack: list[int] = []
    push, pop = stack.append, stack.pop
    for c in s:
        want = PARTNER.get(c)
        if want is None:
            push(c)
        elif not stack or pop() != want:
            return False
    return not stack


def main() -> None:
    data = sys.stdin.buffer.read().split()
    s = data[1] if len(data) > 1 else b""
    print("YES" if is_balanced(s) else "NO")


main()
