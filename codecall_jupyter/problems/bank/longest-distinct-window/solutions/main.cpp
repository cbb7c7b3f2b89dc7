#include <iostream>
#include <string>
#include <vector>

// Sliding window: when s[i] was already seen inside the window, the window's left edge
// jumps just past that earlier occurrence. Each index enters and leaves once: O(n).
int longestDistinct(const std::string& s) {
    std::vector<int> last(128, -1);
    int left = 0, best = 0;
    for (int i = 0; i < static_cast<int>(s.size()); i++) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (last[c] >= left) left = last[c] + 1;
        last[c] = i;
        if (i - left + 1 > best) best = i - left + 1;
    }
    return best;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s;
    std::cin >> s;
    std::cout << longestDistinct(s) << "\n";
    return 0;
}
