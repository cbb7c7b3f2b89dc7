#include <iostream>
#include <vector>

// Binary lifting: up[k][v] is v's ancestor 2^k levels up (the root's is the root).
// Lift the deeper node to the other's depth, then take the jumps from the largest down,
// only those that keep the two on different ancestors; the parent is then the answer.
// O((n + q) log n), no recursion.
long long lcaSum(int n, const std::vector<int>& parent, const std::vector<std::pair<int, int>>& queries) {
    int levels = 1;
    while ((1 << levels) < n) levels++;
    std::vector<std::vector<int>> up(levels, std::vector<int>(n + 1));
    up[0] = parent;
    up[0][1] = 1;
    for (int k = 1; k < levels; k++)
        for (int v = 1; v <= n; v++) up[k][v] = up[k - 1][up[k - 1][v]];
    // Depths, parents first: breadth-first over the children lists.
    std::vector<int> head(n + 1, 0), next(n + 1, 0), depth(n + 1, 0), order{1};
    for (int v = 2; v <= n; v++) {
        next[v] = head[parent[v]];
        head[parent[v]] = v;
    }
    for (size_t i = 0; i < order.size(); i++)
        for (int c = head[order[i]]; c != 0; c = next[c]) {
            depth[c] = depth[order[i]] + 1;
            order.push_back(c);
        }
    long long total = 0;
    for (auto [u, v] : queries) {
        if (depth[u] < depth[v]) std::swap(u, v);
        int diff = depth[u] - depth[v];
        for (int k = 0; diff; k++, diff >>= 1)
            if (diff & 1) u = up[k][u];
        if (u != v) {
            for (int k = levels - 1; k >= 0; k--)
                if (up[k][u] != up[k][v]) {
                    u = up[k][u];
                    v = up[k][v];
                }
            u = up[0][u];
        }
        total += u;
    }
    return total;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    std::cin >> q;
    std::vector<std::pair<int, int>> queries(q);
    for (auto& [u, v] : queries) std::cin >> u >> v;
    std::cout << lcaSum(n, parent, queries) << "\n";
    return 0;
}
