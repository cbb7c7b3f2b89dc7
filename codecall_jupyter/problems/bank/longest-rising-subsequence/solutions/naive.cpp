#include <algorithm>
#include <iostream>
#include <vector>

// len[i] = 1 + the best len[j] over every earlier j with a[j] < a[i]: O(n^2).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::vector<int> len(n, 1);
    int best = 0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++)
            if (a[j] < a[i] && len[j] + 1 > len[i]) len[i] = len[j] + 1;
        best = std::max(best, len[i]);
    }
    std::cout << best << "\n";
    return 0;
}
