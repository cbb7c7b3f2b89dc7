#include <iostream>
#include <vector>

// Monotonic stack of days still waiting for a warmer one: O(n).
long long totalWait(const std::vector<long long>& t) {
    std::vector<int> waiting;
    long long total = 0;
    for (int j = 0; j < static_cast<int>(t.size()); j++) {
        while (!waiting.empty() && t[waiting.back()] < t[j]) {
            total += j - waiting.back();
            waiting.pop_back();
        }
        waiting.push_back(j);
    }
    return total;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> t(n);
    for (auto& x : t) std::cin >> x;
    std::cout << totalWait(t) << "\n";
    return 0;
}
