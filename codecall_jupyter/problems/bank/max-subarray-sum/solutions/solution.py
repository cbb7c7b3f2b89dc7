import sys


def max_subarray_sum(a: list[int]) -> int:
    # Kadane: best sum of a stretch ending at the current day, and the best seen so far.
    best = ending_here = a[0]
    for x in a[1:]:
        ending_here = x if ending_here < 0 else ending_here + x
        if ending_here > best:
            best = ending_here
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(max_subarray_sum(a))


main()
