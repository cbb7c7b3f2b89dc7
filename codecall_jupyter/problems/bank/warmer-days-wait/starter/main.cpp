#include <iostream>
#include <vector>

// Return the sum over all days of the days until a strictly warmer one (0 if never).
long long totalWait(const std::vector<long long>& t) {
    return 0;
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
