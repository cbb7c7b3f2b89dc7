#include <iostream>
#include <string>
#include <utility>
#include <vector>

// The keys in a vector in recency order (least recent first), searched by a linear scan:
// O(c) per operation. Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int capacity, q;
    std::cin >> capacity >> q;
    std::vector<std::pair<int, int>> order;
    long long total = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        std::cin >> op;
        int key, value = 0;
        std::cin >> key;
        bool put = op == "put";
        if (put) std::cin >> value;
        size_t at = 0;
        while (at < order.size() && order[at].first != key) at++;
        if (at < order.size()) {
            std::pair<int, int> entry = order[at];
            order.erase(order.begin() + static_cast<long>(at));
            if (put) entry.second = value;
            order.push_back(entry);
            if (!put) total += entry.second;
        } else if (put) {
            order.emplace_back(key, value);
            if (static_cast<int>(order.size()) > capacity) order.erase(order.begin());
        } else {
            total -= 1;
        }
    }
    std::cout << total << "\n";
    return 0;
}
