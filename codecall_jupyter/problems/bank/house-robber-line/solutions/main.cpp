#include <algorithm>
#include <iostream>
#include <vector>

// best(i) = max(best(i-1), best(i-2) + a[i]), keeping only the last two values: O(n).
long long bestHarvest(const std::vector<long long>& a) {
    long long prev2 = 0, prev1 = 0;  // best(i-2), best(i-1)
    for (long long x : a) {
        long long cur = std::max(prev1, prev2 + x);
        prev2 = prev1;
        prev1 = cur;
    }
    return prev1;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << bestHarvest(a) << "\n";
    return 0;
}
