#include <iostream>
#include <string>
#include <vector>

// Scan the grid; every land cell not reached yet starts a new island, which a
// breadth-first search (explicit queue, no recursion) sinks into water. O(R·C).
int countIslands(std::vector<std::string> grid) {
    int rows = static_cast<int>(grid.size()), cols = static_cast<int>(grid[0].size());
    const int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
    std::vector<int> queue;
    int islands = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] != '#') continue;
            islands++;
            grid[r][c] = '.';
            queue.assign(1, r * cols + c);
            for (size_t i = 0; i < queue.size(); i++) {
                int cr = queue[i] / cols, cc = queue[i] % cols;
                for (int d = 0; d < 4; d++) {
                    int nr = cr + dr[d], nc = cc + dc[d];
                    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] != '#') continue;
                    grid[nr][nc] = '.';
                    queue.push_back(nr * cols + nc);
                }
            }
        }
    return islands;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    for (auto& row : grid) std::cin >> row;
    std::cout << countIslands(grid) << "\n";
    return 0;
}
