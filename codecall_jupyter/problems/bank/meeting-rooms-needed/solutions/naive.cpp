#include <algorithm>
#include <iostream>
#include <vector>

// The busiest moment is some meeting's start: count the meetings running at each start,
// O(n^2). Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> s(n), e(n);
    for (int i = 0; i < n; i++) std::cin >> s[i] >> e[i];
    int best = 0;
    for (int i = 0; i < n; i++) {
        int running = 0;
        for (int j = 0; j < n; j++)
            if (s[j] <= s[i] && s[i] < e[j]) running++;
        best = std::max(best, running);
    }
    std::cout << best << "\n";
    return 0;
}
