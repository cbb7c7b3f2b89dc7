#include <iostream>
#include <string>
#include <vector>

// Sliding window with per-character debts: need[c] > 0 means the window still lacks c.
// The right edge grows until nothing is missing, then the left edge shrinks while the
// window still covers t. Each edge moves forward only: O(|s| + |t|).
int shortestCover(const std::string& s, const std::string& t) {
    std::vector<int> need(128, 0);
    for (unsigned char c : t) need[c]++;
    int missing = static_cast<int>(t.size());
    int best = 0, left = 0;
    for (int right = 0; right < static_cast<int>(s.size()); right++) {
        unsigned char c = static_cast<unsigned char>(s[right]);
        if (need[c]-- > 0) missing--;
        while (missing == 0) {
            if (best == 0 || right - left + 1 < best) best = right - left + 1;
            unsigned char out = static_cast<unsigned char>(s[left++]);
            if (++need[out] > 0) missing++;
        }
    }
    return best;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s, t;
    std::cin >> s >> t;
    std::cout << shortestCover(s, t) << "\n";
    return 0;
}
