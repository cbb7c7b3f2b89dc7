#include <iostream>
#include <vector>

// Try every pace 1, 2, 3, ... until one is fast enough: O(n * answer).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    long long h;
    std::cin >> n >> h;
    std::vector<long long> pages(n);
    for (auto& p : pages) std::cin >> p;
    for (long long k = 1;; k++) {
        long long hours = 0;
        for (long long p : pages) hours += (p + k - 1) / k;
        if (hours <= h) {
            std::cout << k << "\n";
            return 0;
        }
    }
}
