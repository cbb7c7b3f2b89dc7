#include <iostream>
#include <vector>

// For every question, climb from the deeper node to the other's depth, then climb both
// one step at a time until they meet: O(depth) per question, O(n · q) on a path.
// Correct, and too slow for the large (deep) cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    // Depths, parents first: breadth-first over the children.
    std::vector<std::vector<int>> children(n + 1);
    for (int v = 2; v <= n; v++) children[parent[v]].push_back(v);
    std::vector<int> depth(n + 1, 0), order{1};
    for (size_t i = 0; i < order.size(); i++)
        for (int c : children[order[i]]) {
            depth[c] = depth[order[i]] + 1;
            order.push_back(c);
        }
    std::cin >> q;
    long long total = 0;
    for (int i = 0; i < q; i++) {
        int u, v;
        std::cin >> u >> v;
        while (depth[u] > depth[v]) u = parent[u];
        while (depth[v] > depth[u]) v = parent[v];
        while (u != v) {
            u = parent[u];
            v = parent[v];
        }
        total += u;
    }
    std::cout << total << "\n";
    return 0;
}
