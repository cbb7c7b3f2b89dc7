#include <iostream>
#include <string>
#include <vector>

// Grow the distances one level at a time by scanning the whole grid for the cells at
// distance d and giving their free unvisited neighbours distance d + 1:
// O(R·C) per level, O((R·C)^2) on a winding corridor. Correct, and too slow for the
// large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    for (auto& row : grid) std::cin >> row;
    std::vector<std::vector<int>> dist(rows, std::vector<int>(cols, -1));
    int er = 0, ec = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] == 'S') dist[r][c] = 0;
            if (grid[r][c] == 'E') er = r, ec = c;
        }
    const int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
    for (int d = 0; dist[er][ec] == -1; d++) {
        bool any = false;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                if (dist[r][c] != d) continue;
                any = true;
                for (int k = 0; k < 4; k++) {
                    int nr = r + dr[k], nc = c + dc[k];
                    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                    if (grid[nr][nc] == '#' || dist[nr][nc] != -1) continue;
                    dist[nr][nc] = d + 1;
                }
            }
        if (!any) break;
    }
    std::cout << dist[er][ec] << "\n";
    return 0;
}
