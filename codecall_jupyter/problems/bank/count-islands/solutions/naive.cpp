#include <iostream>
#include <string>
#include <vector>

// Label the land in reading order: a cell takes the label of its land neighbour above or
// to the left, or a new label. When those two neighbours carry different labels, relabel
// the whole grid to merge them: O(R·C) per merge, O((R·C)^2) in the worst case.
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    for (auto& row : grid) std::cin >> row;
    std::vector<int> label(static_cast<size_t>(rows) * cols, 0);
    int labels = 0, merges = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] != '#') continue;
            int i = r * cols + c;
            int up = r > 0 ? label[i - cols] : 0, left = c > 0 ? label[i - 1] : 0;
            if (up == 0 && left == 0) {
                label[i] = ++labels;
            } else if (up == 0 || left == 0 || up == left) {
                label[i] = up ? up : left;
            } else {
                label[i] = up;
                merges++;
                for (int& x : label)
                    if (x == left) x = up;
            }
        }
    std::cout << labels - merges << "\n";
    return 0;
}
