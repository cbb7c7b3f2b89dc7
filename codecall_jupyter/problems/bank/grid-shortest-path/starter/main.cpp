#include <iostream>
#include <string>
#include <vector>

// Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
int shortestPath(const std::vector<std::string>& grid) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);  // rows of '.', '#', 'S' and 'E'
    for (auto& row : grid) std::cin >> row;
    std::cout << shortestPath(grid) << "\n";
    return 0;
}
