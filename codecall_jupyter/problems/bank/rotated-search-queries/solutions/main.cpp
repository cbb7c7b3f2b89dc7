#include <algorithm>
#include <iostream>
#include <vector>

// One binary search for the rotation point r (the smallest value), then one binary search
// per query in the sorted run that can hold it: O((n + q) log n).
long long sumOfPositions(const std::vector<long long>& a, const std::vector<long long>& queries) {
    int n = static_cast<int>(a.size());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] > a[n - 1])
            lo = mid + 1;
        else
            hi = mid;
    }
    int r = lo;
    long long total = 0;
    for (long long x : queries) {
        auto first = x <= a[n - 1] ? a.begin() + r : a.begin();
        auto last = x <= a[n - 1] ? a.end() : a.begin() + r;
        auto it = std::lower_bound(first, last, x);
        total += (it != last && *it == x) ? static_cast<long long>(it - a.begin()) : -1;
    }
    return total;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cin >> q;
    std::vector<long long> queries(q);
    for (auto& x : queries) std::cin >> x;
    std::cout << sumOfPositions(a, queries) << "\n";
    return 0;
}
