#include <algorithm>
#include <iostream>
#include <vector>

// Sort; fix the smallest value a[i] (once per distinct value), then walk two pointers
// over the rest for pairs summing to -a[i], stepping over equal values after each hit.
// O(n^2).
long long zeroTriplets(std::vector<long long> a) {
    std::sort(a.begin(), a.end());
    int n = static_cast<int>(a.size());
    long long trios = 0;
    for (int i = 0; i + 2 < n; i++) {
        if (i > 0 && a[i] == a[i - 1]) continue;
        if (a[i] > 0) break;
        int lo = i + 1, hi = n - 1;
        while (lo < hi) {
            long long sum = a[i] + a[lo] + a[hi];
            if (sum < 0) {
                lo++;
            } else if (sum > 0) {
                hi--;
            } else {
                trios++;
                long long left = a[lo], right = a[hi];
                while (lo < hi && a[lo] == left) lo++;
                while (lo < hi && a[hi] == right) hi--;
            }
        }
    }
    return trios;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << zeroTriplets(a) << "\n";
    return 0;
}
