#include <iostream>
#include <string>

class VersionedStore {
public:
    // Record that key took value at time timestamp (a key's timestamps only grow).
    void set(const std::string& key, long long value, long long timestamp) {
    }

    // The value of key's version with the largest timestamp <= t, or -1 if there is none.
    long long get(const std::string& key, long long t) {
        return -1;
    }
};

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    VersionedStore store;
    long long total = 0;
    std::string op, key;
    for (int i = 0; i < q; i++) {
        std::cin >> op >> key;
        if (op == "set") {
            long long value, timestamp;
            std::cin >> value >> timestamp;
            store.set(key, value, timestamp);
        } else {
            long long t;
            std::cin >> t;
            total += store.get(key, t);
        }
    }
    std::cout << total << "\n";
    return 0;
}
