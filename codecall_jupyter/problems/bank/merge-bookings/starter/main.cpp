#include <iostream>
#include <utility>
#include <vector>

// Merge overlapping bookings; return the number of blocks and the total time they cover.
std::pair<long long, long long> mergeBookings(
    const std::vector<std::pair<long long, long long>>& bookings) {
    return {0, 0};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<std::pair<long long, long long>> bookings(n);
    for (auto& [l, r] : bookings) std::cin >> l >> r;
    auto [blocks, covered] = mergeBookings(bookings);
    std::cout << blocks << " " << covered << "\n";
    return 0;
}
