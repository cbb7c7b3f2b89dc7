#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

// d(i, j) = d(i-1, j-1) if s[i-1] == t[j-1], else 1 + min(d(i-1, j), d(i, j-1), d(i-1, j-1)),
// filled row by row with two rows: O(n * m) time, O(m) memory.
int editDistance(const std::string& s, const std::string& t) {
    size_t m = t.size();
    std::vector<int> prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; j++) prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= s.size(); i++) {
        cur[0] = static_cast<int>(i);
        for (size_t j = 1; j <= m; j++) {
            if (s[i - 1] == t[j - 1])
                cur[j] = prev[j - 1];
            else
                cur[j] = 1 + std::min({prev[j - 1], prev[j], cur[j - 1]});
        }
        std::swap(prev, cur);
    }
    return prev[m];
}

int main() {
    std::string s, t;
    std::cin >> s >> t;
    std::cout << editDistance(s, t) << "\n";
    return 0;
}
