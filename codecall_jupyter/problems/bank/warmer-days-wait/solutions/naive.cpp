#include <iostream>
#include <vector>

// From every day, scan forward to the first warmer day: O(n^2). Correct, and too slow for
// the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> t(n);
    for (auto& x : t) std::cin >> x;
    long long total = 0;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            if (t[j] > t[i]) {
                total += j - i;
                break;
            }
        }
    }
    std::cout << total << "\n";
    return 0;
}
