#include <algorithm>
#include <iostream>
#include <vector>

// No hash set: every "is v present?" is a linear scan. A value starts a run when v - 1
// is absent; count upward from it with more scans. O(n^2). Correct, and too slow for
// the large cases.
static bool contains(const std::vector<long long>& a, long long v) {
    for (long long x : a)
        if (x == v) return true;
    return false;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    int best = 0;
    for (long long v : a) {
        if (contains(a, v - 1)) continue;
        long long end = v + 1;
        while (contains(a, end)) end++;
        best = std::max(best, static_cast<int>(end - v));
    }
    std::cout << best << "\n";
    return 0;
}
