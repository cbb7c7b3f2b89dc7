#include <iostream>
#include <vector>

// Scan every window for its maximum: O(n k), quadratic when k is about n / 2. Correct,
// and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    long long total = 0;
    for (int start = 0; start + k <= n; start++) {
        long long best = a[start];
        for (int j = start + 1; j < start + k; j++)
            if (a[j] > best) best = a[j];
        total += best;
    }
    std::cout << total << "\n";
    return 0;
}
