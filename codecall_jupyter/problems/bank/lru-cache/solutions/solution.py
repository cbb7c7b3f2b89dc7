import sys
from collections import OrderedDict


class LRUCache:
    """An OrderedDict kept in recency order: least recently used first. O(1) per operation."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: OrderedDict[int, int] = OrderedDict()

    def get(self, key: int) -> int:
        items = self.items
        if key not in items:
            return -1
        items.move_to_end(key)
        return items[key]

    def put(self, key: int, value: int) -> None:
        items = self.items
        if key in items:
            items.move_to_end(key)
        items[key] = value
        if len(items) > self.capacity:
            items.popitem(last=False)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    capacity, q = int(data[0]), int(data[1])
    cache = LRUCache(capacity)
    total = 0
    pos = 2
    for _ in range(q):
        if data[pos] == b"put":
            cache.put(int(data[pos + 1]), int(data[pos + 2]))
            pos += 3
        else:
            total += cache.get(int(data[pos + 1]))
            pos += 2
    print(total)


main()
