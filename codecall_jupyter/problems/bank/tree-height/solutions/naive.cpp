#include <iostream>
#include <vector>

// From every node, walk up to the root counting nodes: O(n · depth), O(n^2) on a path.
// Correct, and too slow for the large (deep) cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    int height = 0;
    for (int v = 1; v <= n; v++) {
        int count = 0;
        for (int u = v; u != 0; u = parent[u]) count++;
        if (count > height) height = count;
    }
    std::cout << height << "\n";
    return 0;
}
