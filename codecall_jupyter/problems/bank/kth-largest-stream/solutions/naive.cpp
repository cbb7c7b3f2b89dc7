#include <algorithm>
#include <functional>
#include <iostream>
#include <vector>

// After each arrival, copy all the scores so far and select the k-th largest: O(n^2).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    long long total = 0;
    for (int i = k; i <= n; i++) {
        std::vector<long long> prefix(a.begin(), a.begin() + i);
        std::nth_element(prefix.begin(), prefix.begin() + (k - 1), prefix.end(),
                         std::greater<long long>());
        total += prefix[k - 1];
    }
    std::cout << total << "\n";
    return 0;
}
