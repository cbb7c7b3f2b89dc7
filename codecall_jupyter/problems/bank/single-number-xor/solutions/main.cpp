#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

// XOR of everything is x ^ y; one bit where they differ splits the values into two
// groups, each with one lonely value: O(n) time, O(1) extra memory.
std::pair<long long, long long> lonelyPair(const std::vector<long long>& a) {
    long long both = 0;
    for (long long v : a) both ^= v;
    long long bit = both & -both;
    long long x = 0;
    for (long long v : a)
        if (v & bit) x ^= v;
    long long y = both ^ x;
    return {std::min(x, y), std::max(x, y)};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& v : a) std::cin >> v;
    auto [x, y] = lonelyPair(a);
    std::cout << x << " " << y << "\n";
    return 0;
}
