import sys


def tree_diameter(n: int, parent: list[int], weight: list[int]) -> int:
    # Finish every node after all its children, peeling the tree from the leaves up.
    # down[p] is the longest downward path from p over the children finished so far; a
    # new branch through child v joins it into a path that turns at p. O(n), no recursion.
    pending = [0] * (n + 1)  # children not finished yet
    for p in parent[2:]:
        pending[p] += 1
    ready = [v for v in range(2, n + 1) if pending[v] == 0]
    down = [0] * (n + 1)
    best = 0
    while ready:
        v = ready.pop()
        p = parent[v]
        branch = down[v] + weight[v]
        if down[p] + branch > best:
            best = down[p] + branch
        if branch > down[p]:
            down[p] = branch
        pending[p] -= 1
        if pending[p] == 0 and p != 1:
            ready.append(p)
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + list(map(int, data[1:n]))
    weight = [0, 0] + list(map(int, data[n : 2 * n - 1]))
    print(tree_diameter(n, parent, weight))


main()
