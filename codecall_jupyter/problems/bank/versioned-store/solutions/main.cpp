#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

// For each key, its versions in a vector sorted by timestamp (sets arrive in increasing
// order, so push_back keeps it sorted); get is a binary search: O(log n).
class VersionedStore {
public:
    void set(const std::string& key, long long value, long long timestamp) {
        auto& versions = versions_[key];
        versions.times.push_back(timestamp);
        versions.values.push_back(value);
    }

    long long get(const std::string& key, long long t) const {
        auto it = versions_.find(key);
        if (it == versions_.end()) return -1;
        const auto& times = it->second.times;
        auto after = std::upper_bound(times.begin(), times.end(), t);
        if (after == times.begin()) return -1;
        return it->second.values[after - times.begin() - 1];
    }

private:
    struct Versions {
        std::vector<long long> times, values;
    };
    std::unordered_map<std::string, Versions> versions_;
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
