#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

// Sort by start, then sweep with one open block: O(n log n).
std::pair<long long, long long> mergeBookings(std::vector<std::pair<long long, long long>> b) {
    std::sort(b.begin(), b.end());
    long long blocks = 1, covered = 0;
    long long start = b[0].first, end = b[0].second;
    for (const auto& [l, r] : b) {
        if (l <= end) {
            end = std::max(end, r);
        } else {
            blocks++;
            covered += end - start;
            start = l;
            end = r;
        }
    }
    return {blocks, covered + end - start};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<std::pair<long long, long long>> b(n);
    for (auto& [l, r] : b) std::cin >> l >> r;
    auto [blocks, covered] = mergeBookings(b);
    std::cout << blocks << " " << covered << "\n";
    return 0;
}
