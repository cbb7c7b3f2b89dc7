import sys
from itertools import islice


def lca_sum(n: int, parent: list[int], us: list[int], vs: list[int]) -> int:
    # Depth-first preorder with an explicit stack. For u != v with pos[u] < pos[v], every
    # node of order[pos[u] + 1 .. pos[v]] lies below the lowest common ancestor w, and the
    # range holds a child of w (the one on the way to v). So the smallest preorder
    # position of a parent over that range is pos[w]. Range minima come from a sparse
    # table: O(n log n) to build, O(1) per question.
    children: list[list[int]] = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    order: list[int] = []
    stack = [1]
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(children[v])
    pos = [0] * (n + 1)
    for i, v in enumerate(order):
        pos[v] = i
    # table[k][i] = min(pos[parent[x]] for x in order[i : i + 2**k])
    table = [[pos[parent[v]] for v in order]]
    span = 1
    while 2 * span <= n:
        row = table[-1]
        table.append([a if a < b else b for a, b in zip(row, islice(row, span, None))])
        span *= 2
    # The questions (us[i], vs[i]) in bulk, one list at a time: faster in Python than a loop.
    total = sum(u for u, v in zip(us, vs) if u == v)
    a_pos = [pos[u] for u, v in zip(us, vs) if u != v]
    b_pos = [pos[v] for u, v in zip(us, vs) if u != v]
    low = [a if a < b else b for a, b in zip(a_pos, b_pos)]
    high = [a if a > b else b for a, b in zip(a_pos, b_pos)]
    level = [(h - l).bit_length() - 1 for l, h in zip(low, high)]  # range l+1 .. h
    left = [table[k][l + 1] for k, l in zip(level, low)]
    right = [table[k][h + 1 - (1 << k)] for k, h in zip(level, high)]
    total += sum(order[x if x < y else y] for x, y in zip(left, right))
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + list(map(int, data[1:n]))
    q = int(data[n])
    numbers = list(map(int, data[n + 1 : n + 1 + 2 * q]))
    print(lca_sum(n, parent, numbers[0::2], numbers[1::2]))


main()
