import sys


class LRUCache:
    def __init__(self, capacity: int) -> None:
        # Holds at most `capacity` keys; set up whatever you need here.
        self.capacity = capacity

    def get(self, key: int) -> int:
        # The value under key (key becomes the most recently used), or -1 if it is absent.
        return -1

    def put(self, key: int, value: int) -> None:
        # Store value under key (now the most recently used); evict the least recently
        # used key when the cache holds more than `capacity` keys.
        pass


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
