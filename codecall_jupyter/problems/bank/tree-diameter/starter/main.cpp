#include <iostream>
#include <vector>

// Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2).
long long treeDiameter(int n, const std::vector<int>& parent, const std::vector<long long>& weight) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);  // index 0 and 1 are unused
    std::vector<long long> weight(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    for (int v = 2; v <= n; v++) std::cin >> weight[v];
    std::cout << treeDiameter(n, parent, weight) << "\n";
    return 0;
}
