import heapq
import sys

MOD = 1_000_000_007


def course_order_checksum(n: int, rules: list[tuple[int, int]]) -> int:
    # Kahn's algorithm with a min-heap: always take the smallest course whose
    # prerequisites are all taken. If the heap runs dry early, there is a cycle.
    # O((n + m) log n).
    after: list[list[int]] = [[] for _ in range(n + 1)]
    waiting = [0] * (n + 1)  # prerequisites not taken yet
    for a, b in rules:
        after[a].append(b)
        waiting[b] += 1
    free = [c for c in range(1, n + 1) if waiting[c] == 0]  # already a valid heap
    checksum = 0
    position = 0
    while free:
        course = heapq.heappop(free)
        position += 1
        checksum += position * course
        for b in after[course]:
            waiting[b] -= 1
            if waiting[b] == 0:
                heapq.heappush(free, b)
    return checksum % MOD if position == n else -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    numbers = list(map(int, data[2 : 2 + 2 * m]))
    print(course_order_checksum(n, list(zip(numbers[0::2], numbers[1::2]))))


main()
