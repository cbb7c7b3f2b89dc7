import sys


class VersionedStore:
    def __init__(self) -> None:
        # An empty store; set up whatever you need here.
        pass

    def set(self, key: str, value: int, timestamp: int) -> None:
        # Record that key took value at time timestamp (a key's timestamps only grow).
        pass

    def get(self, key: str, t: int) -> int:
        # The value of key's version with the largest timestamp <= t, or -1 if there is none.
        return -1


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    store = VersionedStore()
    total = 0
    pos = 1
    for _ in range(q):
        if data[pos] == b"set":
            store.set(data[pos + 1].decode(), int(data[pos + 2]), int(data[pos + 3]))
            pos += 4
        else:
            total += store.get(data[pos + 1].decode(), int(data[pos + 2]))
            pos += 3
    print(total)


main()
