#include <iostream>
#include <vector>

// True if the tree rooted at node 1 is a strict binary search tree (0 = no child).
bool isSearchTree(int n, const std::vector<long long>& value, const std::vector<int>& left,
                  const std::vector<int>& right) {
    return false;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> value(n + 1);  // index 0 is unused: nodes are 1..n
    std::vector<int> left(n + 1), right(n + 1);
    for (int i = 1; i <= n; i++) std::cin >> value[i] >> left[i] >> right[i];
    std::cout << (isSearchTree(n, value, left, right) ? "YES" : "NO") << "\n";
    return 0;
}
