#include <functional>
#include <iostream>
#include <queue>
#include <tuple>
#include <vector>

// Dijkstra's algorithm with a min-heap and lazy deletion: a popped entry older than the
// server's best known time is skipped. Servers are settled in order of time, so the last
// one settled gives the answer. O((n + m) log m).
long long networkDelay(int n, const std::vector<std::tuple<int, int, long long>>& links) {
    std::vector<std::vector<std::pair<int, long long>>> out(n + 1);
    for (auto [u, v, w] : links) out[u].push_back({v, w});
    const long long INF = -1;
    std::vector<long long> best(n + 1, INF);
    using Entry = std::pair<long long, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    best[1] = 0;
    heap.push({0, 1});
    int settled = 0;
    long long last = 0;
    while (!heap.empty()) {
        auto [time, u] = heap.top();
        heap.pop();
        if (time > best[u]) continue;
        settled++;
        last = time;
        for (auto [v, w] : out[u]) {
            long long t = time + w;
            if (best[v] == INF || t < best[v]) {
                best[v] = t;
                heap.push({t, v});
            }
        }
    }
    return settled == n ? last : -1;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::tuple<int, int, long long>> links(m);
    for (auto& [u, v, w] : links) std::cin >> u >> v >> w;
    std::cout << networkDelay(n, links) << "\n";
    return 0;
}
