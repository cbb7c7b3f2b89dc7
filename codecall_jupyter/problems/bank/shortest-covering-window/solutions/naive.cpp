#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

// For every start, extend the end until the stretch covers t: O(|s|^2) when covering
// stretches are long or missing. Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s, t;
    std::cin >> s >> t;
    int n = static_cast<int>(s.size());
    std::vector<int> wanted(128, 0), need(128);
    for (unsigned char c : t) wanted[c]++;
    int best = 0;
    for (int i = 0; i < n; i++) {
        std::copy(wanted.begin(), wanted.end(), need.begin());
        int missing = static_cast<int>(t.size());
        for (int j = i; j < n; j++) {
            if (need[static_cast<unsigned char>(s[j])]-- > 0) missing--;
            if (missing == 0) {
                if (best == 0 || j - i + 1 < best) best = j - i + 1;
                break;
            }
        }
    }
    std::cout << best << "\n";
    return 0;
}
