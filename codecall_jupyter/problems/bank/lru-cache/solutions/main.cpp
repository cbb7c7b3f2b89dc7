#include <iostream>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

// A doubly linked list in recency order (most recent at the front) and a hash map from
// each key to its node: O(1) per operation on average.
class LRUCache {
public:
    explicit LRUCache(int capacity) : capacity_(capacity) { where_.reserve(2 * capacity + 1); }

    int get(int key) {
        auto it = where_.find(key);
        if (it == where_.end()) return -1;
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
    }

    void put(int key, int value) {
        auto it = where_.find(key);
        if (it != where_.end()) {
            it->second->second = value;
            order_.splice(order_.begin(), order_, it->second);
            return;
        }
        order_.emplace_front(key, value);
        where_[key] = order_.begin();
        if (static_cast<int>(where_.size()) > capacity_) {
            where_.erase(order_.back().first);
            order_.pop_back();
        }
    }

private:
    int capacity_;
    std::list<std::pair<int, int>> order_;
    std::unordered_map<int, std::list<std::pair<int, int>>::iterator> where_;
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
