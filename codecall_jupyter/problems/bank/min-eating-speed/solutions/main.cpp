#include <algorithm>
#include <iostream>
#include <vector>

// The hours needed only fall as the pace rises: binary search the pace in
// [1, max p], O(n log max p).
long long slowestPace(const std::vector<long long>& pages, long long h) {
    long long lo = 1, hi = *std::max_element(pages.begin(), pages.end());
    while (lo < hi) {
        long long k = lo + (hi - lo) / 2;
        long long hours = 0;
        for (long long p : pages) hours += (p + k - 1) / k;
        if (hours <= h)
            hi = k;
        else
            lo = k + 1;
    }
    return lo;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    long long h;
    std::cin >> n >> h;
    std::vector<long long> pages(n);
    for (auto& p : pages) std::cin >> p;
    std::cout << slowestPace(pages, h) << "\n";
    return 0;
}
