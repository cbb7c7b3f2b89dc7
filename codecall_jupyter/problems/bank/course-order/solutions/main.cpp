#include <functional>
#include <iostream>
#include <queue>
#include <vector>

// Kahn's algorithm with a min-heap: always take the smallest course whose prerequisites
// are all taken; if the heap runs dry before every course is taken, there is a cycle.
// O((n + m) log n).
long long courseOrderChecksum(int n, const std::vector<std::pair<int, int>>& rules) {
    const long long MOD = 1'000'000'007;
    std::vector<std::vector<int>> after(n + 1);
    std::vector<int> waiting(n + 1, 0);
    for (auto [a, b] : rules) {
        after[a].push_back(b);
        waiting[b]++;
    }
    std::priority_queue<int, std::vector<int>, std::greater<int>> free;
    for (int c = 1; c <= n; c++)
        if (waiting[c] == 0) free.push(c);
    long long checksum = 0, position = 0;
    while (!free.empty()) {
        int course = free.top();
        free.pop();
        position++;
        checksum = (checksum + position * course) % MOD;
        for (int b : after[course])
            if (--waiting[b] == 0) free.push(b);
    }
    return position == n ? checksum : -1;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::pair<int, int>> rules(m);
    for (auto& [a, b] : rules) std::cin >> a >> b;
    std::cout << courseOrderChecksum(n, rules) << "\n";
    return 0;
}
