#include <algorithm>
#include <iostream>
#include <vector>

// Count every value's occurrences with a second loop: O(n^2).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& v : a) std::cin >> v;
    std::vector<long long> lonely;
    for (int i = 0; i < n; i++) {
        int count = 0;
        for (int j = 0; j < n; j++)
            if (a[j] == a[i]) count++;
        if (count == 1) lonely.push_back(a[i]);
    }
    std::sort(lonely.begin(), lonely.end());
    std::cout << lonely[0] << " " << lonely[1] << "\n";
    return 0;
}
