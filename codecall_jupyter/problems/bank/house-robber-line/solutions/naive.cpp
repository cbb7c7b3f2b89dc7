#include <algorithm>
#include <iostream>
#include <vector>

// ending[i] = a[i] + the best ending[j] over every j <= i - 2 (the last tree picked before i),
// scanning all of them each time: O(n^2). Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::vector<long long> ending(n, 0);
    long long best = 0;
    for (int i = 0; i < n; i++) {
        long long before = 0;
        for (int j = 0; j + 2 <= i; j++) before = std::max(before, ending[j]);
        ending[i] = a[i] + before;
        best = std::max(best, ending[i]);
    }
    std::cout << best << "\n";
    return 0;
}
