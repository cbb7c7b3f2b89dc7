#include <iostream>
#include <vector>

// For every node, walk its whole left subtree and its whole right subtree (explicit
// stack) and compare each value with the node's: O(n · depth), O(n^2) on a path.
// Correct, and too slow for the large (deep) cases.
int n;
std::vector<long long> value;
std::vector<int> leftChild, rightChild;

// Is every value in the subtree of `root` strictly above `pivot` (when `above`) or
// strictly below it (otherwise)?
bool allOnSide(int root, long long pivot, bool above) {
    std::vector<int> stack;
    if (root) stack.push_back(root);
    while (!stack.empty()) {
        int v = stack.back();
        stack.pop_back();
        if (above ? value[v] <= pivot : value[v] >= pivot) return false;
        if (leftChild[v]) stack.push_back(leftChild[v]);
        if (rightChild[v]) stack.push_back(rightChild[v]);
    }
    return true;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::cin >> n;
    value.resize(n + 1);
    leftChild.resize(n + 1);
    rightChild.resize(n + 1);
    for (int i = 1; i <= n; i++) std::cin >> value[i] >> leftChild[i] >> rightChild[i];
    for (int v = 1; v <= n; v++) {
        if (!allOnSide(leftChild[v], value[v], false) || !allOnSide(rightChild[v], value[v], true)) {
            std::cout << "NO\n";
            return 0;
        }
    }
    std::cout << "YES\n";
    return 0;
}
