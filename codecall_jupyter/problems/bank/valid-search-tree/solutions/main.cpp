#include <iostream>
#include <vector>

// Pass the bounds down: every node must lie strictly between the lower and upper bound
// its ancestors set. Going left tightens the upper bound, going right the lower one.
// Explicit stack (the tree can be a path of 2·10^5 nodes). O(n).
bool isSearchTree(int n, const std::vector<long long>& value, const std::vector<int>& left,
                  const std::vector<int>& right) {
    struct Item {
        int node;
        long long low, high;  // exclusive bounds
    };
    const long long INF = 4'000'000'000LL;
    std::vector<Item> stack{{1, -INF, INF}};
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        long long x = value[it.node];
        if (x <= it.low || x >= it.high) return false;
        if (left[it.node]) stack.push_back({left[it.node], it.low, x});
        if (right[it.node]) stack.push_back({right[it.node], x, it.high});
    }
    return true;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> value(n + 1);
    std::vector<int> left(n + 1), right(n + 1);
    for (int i = 1; i <= n; i++) std::cin >> value[i] >> left[i] >> right[i];
    std::cout << (isSearchTree(n, value, left, right) ? "YES" : "NO") << "\n";
    return 0;
}
