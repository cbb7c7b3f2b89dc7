#include <iostream>
#include <string>

class LRUCache {
public:
    // Holds at most `capacity` keys; set up whatever you need here.
    explicit LRUCache(int capacity) : capacity_(capacity) {}

    // The value under key (key becomes the most recently used), or -1 if it is absent.
    int get(int key) {
        return -1;
    }

    // Store value under key (now the most recently used); evict the least recently used
    // key when the cache holds more than `capacity` keys.
    void put(int key, int value) {
    }

private:
    int capacity_;
};

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int capacity, q;
    std::cin >> capacity >> q;
    LRUCache cache(capacity);
    long long total = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        std::cin >> op;
        if (op == "put") {
            int key, value;
            std::cin >> key >> value;
            cache.put(key, value);
        } else {
            int key;
            std::cin >> key;
            total += cache.get(key);
        }
    }
    std::cout << total << "\n";
    return 0;
}
