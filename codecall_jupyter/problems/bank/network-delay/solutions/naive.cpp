#include <iostream>
#include <vector>

// Dijkstra's algorithm without a heap: every round scans all servers for the unsettled
// one with the smallest known time. O(n^2 + m). Correct, and too slow for the large
// cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::vector<std::pair<int, long long>>> out(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long w;
        std::cin >> u >> v >> w;
        out[u].push_back({v, w});
    }
    const long long INF = 1LL << 62;
    std::vector<long long> best(n + 1, INF);
    std::vector<char> settled(n + 1, 0);
    best[1] = 0;
    long long last = 0;
    for (int round = 0; round < n; round++) {
        int u = 0;
        for (int v = 1; v <= n; v++)
            if (!settled[v] && (u == 0 || best[v] < best[u])) u = v;
        if (best[u] == INF) {
            std::cout << -1 << "\n";
            return 0;
        }
        settled[u] = 1;
        last = best[u];
        for (auto [v, w] : out[u])
            if (best[u] + w < best[v]) best[v] = best[u] + w;
    }
    std::cout << last << "\n";
    return 0;
}
