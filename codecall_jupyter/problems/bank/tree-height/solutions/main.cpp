#include <iostream>
#include <vector>

// Breadth-first from the root with an explicit queue (no recursion: the tree may be a
// path of 2·10^5 nodes). The largest depth, counted in nodes, is the height. O(n).
int treeHeight(int n, const std::vector<int>& parent) {
    std::vector<int> head(n + 1, 0), next(n + 1, 0);  // children as linked lists
    for (int v = 2; v <= n; v++) {
        next[v] = head[parent[v]];
        head[parent[v]] = v;
    }
    std::vector<int> queue{1}, depth(n + 1, 0);
    depth[1] = 1;
    int height = 1;
    for (size_t i = 0; i < queue.size(); i++) {
        int v = queue[i];
        for (int c = head[v]; c != 0; c = next[c]) {
            depth[c] = depth[v] + 1;
            if (depth[c] > height) height = depth[c];
            queue.push_back(c);
        }
    }
    return height;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<int> parent(n + 1, 0);
    for (int v = 2; v <= n; v++) std::cin >> parent[v];
    std::cout << treeHeight(n, parent) << "\n";
    return 0;
}
