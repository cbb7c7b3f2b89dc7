#include <algorithm>
#include <iostream>
#include <vector>

// After each reading, copy everything so far and select the median: O(n^2). Correct, and
// too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    long long total = 0;
    for (int i = 1; i <= n; i++) {
        std::vector<long long> prefix(a.begin(), a.begin() + i);
        auto middle = prefix.begin() + (i + 1) / 2 - 1;
        std::nth_element(prefix.begin(), middle, prefix.end());
        total += *middle;
    }
    std::cout << total << "\n";
    return 0;
}
