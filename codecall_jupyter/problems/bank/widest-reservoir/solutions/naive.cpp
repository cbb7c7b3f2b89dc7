#include <algorithm>
#include <iostream>
#include <vector>

// Every pair of walls: O(n^2). Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> h(n);
    for (auto& x : h) std::cin >> x;
    long long best = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            best = std::max(best, static_cast<long long>(j - i) * std::min(h[i], h[j]));
    std::cout << best << "\n";
    return 0;
}
