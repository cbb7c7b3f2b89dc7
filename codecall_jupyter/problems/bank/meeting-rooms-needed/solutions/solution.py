import sys


def rooms_needed(starts: list[int], ends: list[int]) -> int:
    # Sweep the starts in order; every end at or before a start has freed a room.
    starts.sort()
    ends.sort()
    freed = 0
    best = 0
    for i, s in enumerate(starts):
        while ends[freed] <= s:
            freed += 1
        in_use = i + 1 - freed
        if in_use > best:
            best = in_use
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = list(map(int, data[1 : 1 + 2 * n : 2]))
    ends = list(map(int, data[2 : 2 + 2 * n : 2]))
    print(rooms_needed(starts, ends))


main()
