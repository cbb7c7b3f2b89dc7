#include <algorithm>
#include <iostream>
#include <vector>

// Breadth-first order from the root, then children before parents (reverse order):
// down[p] is the longest downward path from p over the children seen so far, and each
// new branch through a child joins it into a path turning at p. O(n), no recursion.
long long treeDiameter(int n, const std::vector<int>& parent, const std::vector<long long>& weight) {
    std::vector<int> head(n + 1, 0), next(n + 1, 0);
    for (int v = 2; v <= n; v++) {
        next[v] = head[parent[v]];
        head[parent[v]] = v;
    }
    std::vector<int> order{1};
    order.reserve(n);
    for (size_t i = 0; i < order.size(); i++)
        for (int c = head[order[i]]; c != 0; c = next[c]) order.push_back(c);
    std::vector<long long> down(n + 1, 0);
    long long best = 0;
    for (size_t i = order.size(); i-- > 1;) {
        int v = order[i], p = parent[v];
        long long branch = down[v] + weight[v];
        best = std::max(best, down[p] + branch);
        down[p] = std::max(down[p], branch);
    }
    return best;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    std::vector<long long> weight(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    for (int v = 2; v <= n; v++) std::cin >> weight[v];
    std::cout << treeDiameter(n, parent, weight) << "\n";
    return 0;
}
