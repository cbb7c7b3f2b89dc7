#include <iostream>
#include <vector>

// From every chamber, walk the whole tree (explicit stack) and take the farthest
// distance: O(n^2). Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    std::vector<long long> weight(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    for (int v = 2; v <= n; v++) std::cin >> weight[v];
    std::vector<std::vector<std::pair<int, long long>>> adj(n + 1);
    for (int v = 2; v <= n; v++) {
        adj[v].push_back({parent[v], weight[v]});
        adj[parent[v]].push_back({v, weight[v]});
    }
    long long best = 0;
    std::vector<long long> dist(n + 1);
    std::vector<int> from(n + 1), stack;
    for (int s = 1; s <= n; s++) {
        dist[s] = 0;
        from[s] = 0;
        stack.assign(1, s);
        while (!stack.empty()) {
            int v = stack.back();
            stack.pop_back();
            if (dist[v] > best) best = dist[v];
            for (auto [u, w] : adj[v]) {
                if (u == from[v]) continue;
                from[u] = v;
                dist[u] = dist[v] + w;
                stack.push_back(u);
            }
        }
    }
    std::cout << best << "\n";
    return 0;
}
