import sys
from bisect import bisect_right


class VersionedStore:
    """For each key, its timestamps and values in two lists sorted by timestamp (sets
    arrive in increasing order, so appending keeps them sorted); get is a binary search:
    O(log n)."""

    def __init__(self) -> None:
        self.times: dict[bytes, list[int]] = {}
        self.values: dict[bytes, list[int]] = {}

    def set(self, key: bytes, value: int, timestamp: int) -> None:
        if key not in self.times:
            self.times[key] = []
            self.values[key] = []
        self.times[key].append(timestamp)
        self.values[key].append(value)

    def get(self, key: bytes, t: int) -> int:
        times = self.times.get(key)
        if times is None:
            return -1
        i = bisect_right(times, t)
        return self.values[key][i - 1] if i else -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    store = VersionedStore()
    total = 0
    pos = 1
    for _ in range(q):
        if data[pos] == b"set":
            store.set(data[pos + 1], int(data[pos + 2]), int(data[pos + 3]))
            pos += 4
        else:
            total += store.get(data[pos + 1], int(data[pos + 2]))
            pos += 3
    print(total)


main()
