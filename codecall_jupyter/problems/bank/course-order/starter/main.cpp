#include <iostream>
#include <utility>
#include <vector>

// The lexicographically smallest valid order of courses 1..n, or {} if there is none.
std::vector<int> courseOrder(int n, const std::vector<std::pair<int, int>>& rules) {
    return {};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::pair<int, int>> rules(m);  // {a, b}: course a must come before course b
    for (auto& [a, b] : rules) std::cin >> a >> b;
    std::vector<int> order = courseOrder(n, rules);
    if (order.empty()) {
        std::cout << -1 << "\n";
    } else {
        long long checksum = 0;
        for (size_t i = 0; i < order.size(); i++)
            checksum = (checksum + static_cast<long long>(i + 1) * order[i]) % 1'000'000'007;
        std::cout << checksum << "\n";
    }
    return 0;
}
