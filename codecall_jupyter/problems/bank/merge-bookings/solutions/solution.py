import sys


def merge(starts: list[int], ends: list[int]) -> tuple[int, int]:
    # Sorting starts and ends separately is enough (and faster than sorting pairs): with
    # both sorted, a block closes at the k-th smallest end exactly when the (k+1)-th
    # smallest start comes later, because at that point k bookings have started and all
    # k have ended. Otherwise some booking started by then is still running.
    starts.sort()
    ends.sort()
    n = len(starts)
    blocks = 0
    covered = 0
    block_start = starts[0]
    for k in range(n - 1):
        if starts[k + 1] > ends[k]:
            blocks += 1
            covered += ends[k] - block_start
            block_start = starts[k + 1]
    return blocks + 1, covered + ends[-1] - block_start


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = list(map(int, data[1 : 1 + 2 * n : 2]))
    ends = list(map(int, data[2 : 2 + 2 * n : 2]))
    blocks, covered = merge(starts, ends)
    print(blocks, covered)


main()
