#include <iostream>
#include <vector>

// Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (2 <= v <= n).
int treeHeight(int n, const std::vector<int>& parent) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);  // parent[0] and parent[1] are unused
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    std::cout << treeHeight(n, parent) << "\n";
    return 0;
}
