#include <iostream>
#include <string>
#include <vector>

// Number of groups of '#' cells connected up, down, left or right.
int countIslands(const std::vector<std::string>& grid) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);  // rows of '#' (land) and '.' (water)
    for (auto& row : grid) std::cin >> row;
    std::cout << countIslands(grid) << "\n";
    return 0;
}
