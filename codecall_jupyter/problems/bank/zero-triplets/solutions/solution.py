import sys
from collections import Counter

LIMIT = 100_000  # |a[i]| <= LIMIT


def zero_triplets(a: list[int]) -> int:
    count = Counter(a)
    values = sorted(count)
    present = set(values)
    # Trios with a repeated value: (0, 0, 0) and (v, v, -2v).
    total = 1 if count[0] >= 3 else 0
    for v, c in count.items():
        if c >= 2 and v != 0 and -2 * v in present:
            total += 1
    # Trios of three different values x < y < z: for each x < 0, count the y present with
    # x < y < z = -x - y (that is, 2y < -x) whose partner z is present too. This is the
    # O(m^2) pair search over the m distinct values, done a machine word at a time with
    # Python's big integers as bitsets: bit v + LIMIT of `bits` is set when v is present,
    # bit LIMIT - v of `mirror` likewise, so bit y + LIMIT of (mirror << -x) is set exactly
    # when -x - y is present.
    bits = mirror = 0
    for v in values:
        bits |= 1 << (v + LIMIT)
        mirror |= 1 << (LIMIT - v)
    for x in values:
        if x >= 0:
            break
        lo = x + 1 + LIMIT  # y > x
        hi = (-x - 1) // 2 + 1 + LIMIT  # 2y < -x
        if lo < hi:
            middle = ((1 << hi) - (1 << lo)) & bits
            total += (middle & (mirror << -x)).bit_count()
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1 : 1 + n]]
    print(zero_triplets(a))


main()
