#include <iostream>
#include <utility>
#include <vector>

// Return the minimum number of rooms that hosts every meeting [s, e).
int roomsNeeded(const std::vector<std::pair<long long, long long>>& meetings) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<std::pair<long long, long long>> meetings(n);
    for (auto& [s, e] : meetings) std::cin >> s >> e;
    std::cout << roomsNeeded(meetings) << "\n";
    return 0;
}
