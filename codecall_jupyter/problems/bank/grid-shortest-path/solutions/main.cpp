#include <iostream>
#include <string>
#include <vector>

// Breadth-first search from S with an explicit queue: cells leave the queue in order of
// their distance, so E's distance when first reached is the shortest. O(R·C).
int shortestPath(const std::vector<std::string>& grid) {
    int rows = static_cast<int>(grid.size()), cols = static_cast<int>(grid[0].size());
    std::vector<int> dist(static_cast<size_t>(rows) * cols, -1), queue;
    int end = -1;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] == 'S') {
                dist[r * cols + c] = 0;
                queue.push_back(r * cols + c);
            } else if (grid[r][c] == 'E') {
                end = r * cols + c;
            }
        }
    const int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
    for (size_t i = 0; i < queue.size(); i++) {
        int v = queue[i], r = v / cols, c = v % cols;
        if (v == end) return dist[v];
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#') continue;
            int u = nr * cols + nc;
            if (dist[u] != -1) continue;
            dist[u] = dist[v] + 1;
            queue.push_back(u);
        }
    }
    return -1;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    for (auto& row : grid) std::cin >> row;
    std::cout << shortestPath(grid) << "\n";
    return 0;
}
