#include <algorithm>
#include <iostream>
#include <vector>

// Every left end, stretched right while tracking the minimum height: O(n^2). Correct, and
// too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> h(n);
    for (auto& x : h) std::cin >> x;
    long long best = 0;
    for (int l = 0; l < n; l++) {
        long long low = h[l];
        for (int r = l; r < n; r++) {
            low = std::min(low, h[r]);
            best = std::max(best, low * (r - l + 1));
        }
    }
    std::cout << best << "\n";
    return 0;
}
