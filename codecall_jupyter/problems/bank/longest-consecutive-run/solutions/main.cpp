#include <algorithm>
#include <iostream>
#include <unordered_set>
#include <vector>

// A hash set of the values; a run is counted upward only from its smallest value (the
// one whose predecessor is absent), so every value is stepped over at most twice:
// O(n) expected.
int longestRun(const std::vector<long long>& a) {
    std::unordered_set<long long> present(a.begin(), a.end());
    int best = 0;
    for (long long v : present) {
        if (present.count(v - 1)) continue;
        long long end = v + 1;
        while (present.count(end)) end++;
        best = std::max(best, static_cast<int>(end - v));
    }
    return best;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << longestRun(a) << "\n";
    return 0;
}
