import sys
from heapq import heappop, heappush

SHIFT = 18  # a heap entry is time << SHIFT | server (servers are below 2^18)
MASK = (1 << SHIFT) - 1
UNREACHED = 1 << 62


def network_delay(n: int, us: list[int], vs: list[int], ws: list[int]) -> int:
    # Dijkstra's algorithm with a min-heap and lazy deletion: a popped entry older than
    # the server's best known time is skipped. Servers are settled in order of time, so
    # the last one settled gives the answer. O((n + m) log m). Entries are single
    # integers (time, then server), which Python compares faster than tuples.
    out: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for u, v, w in zip(us, vs, ws):
        out[u].append((v, w))
    best = [UNREACHED] * (n + 1)
    best[1] = 0
    heap = [1]  # time 0, server 1
    settled = 0
    last = 0
    while heap:
        entry = heappop(heap)
        u, time = entry & MASK, entry >> SHIFT
        if time > best[u]:
            continue  # stale: u was reached sooner since
        settled += 1
        last = time
        for v, w in out[u]:
            t = time + w
            if t < best[v]:
                best[v] = t
                heappush(heap, t << SHIFT | v)
    return last if settled == n else -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    numbers = list(map(int, data[2 : 2 + 3 * m]))
    print(network_delay(n, numbers[0::3], numbers[1::3], numbers[2::3]))


main()
