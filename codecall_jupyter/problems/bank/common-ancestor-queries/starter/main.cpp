#include <iostream>
#include <utility>
#include <vector>

// Sum over the queries (u, v) of the lowest common ancestor; parent[v] is v's parent.
long long lcaSum(int n, const std::vector<int>& parent, const std::vector<std::pair<int, int>>& queries) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);  // parent[0] and parent[1] are unused
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    std::cin >> q;
    std::vector<std::pair<int, int>> queries(q);
    for (auto& [u, v] : queries) std::cin >> u >> v;
    std::cout << lcaSum(n, parent, queries) << "\n";
    return 0;
}
