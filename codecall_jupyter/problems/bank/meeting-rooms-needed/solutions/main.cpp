#include <algorithm>
#include <functional>
#include <iostream>
#include <queue>
#include <utility>
#include <vector>

// Meetings by start time; a min-heap holds the end time of every room in use: O(n log n).
int roomsNeeded(std::vector<std::pair<long long, long long>> meetings) {
    std::sort(meetings.begin(), meetings.end());
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> ends;
    for (const auto& [s, e] : meetings) {
        if (!ends.empty() && ends.top() <= s) ends.pop();  // reuse the room freed first
        ends.push(e);
    }
    return static_cast<int>(ends.size());
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
