#include <algorithm>
#include <iostream>
#include <vector>

// Patience sorting: tails[L] is the smallest end of a rising subsequence of length L + 1.
// Each value replaces the first tail >= it (binary search): O(n log n).
int longestRise(const std::vector<long long>& a) {
    std::vector<long long> tails;
    for (long long x : a) {
        auto it = std::lower_bound(tails.begin(), tails.end(), x);
        if (it == tails.end())
            tails.push_back(x);
        else
            *it = x;
    }
    return static_cast<int>(tails.size());
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << longestRise(a) << "\n";
    return 0;
}
