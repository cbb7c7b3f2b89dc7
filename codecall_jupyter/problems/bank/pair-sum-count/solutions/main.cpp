#include <algorithm>
#include <iostream>
#include <vector>

// Sort, then count with two pointers, stepping over runs of equal values: O(n log n).
long long countPairs(std::vector<long long> a, long long target) {
    std::sort(a.begin(), a.end());
    long long pairs = 0;
    size_t lo = 0, hi = a.size();
    while (lo + 1 < hi) {
        long long sum = a[lo] + a[hi - 1];
        if (sum < target) {
            lo++;
        } else if (sum > target) {
            hi--;
        } else if (a[lo] == a[hi - 1]) {
            long long run = static_cast<long long>(hi - lo);
            pairs += run * (run - 1) / 2;
            break;
        } else {
            size_t left = lo, right = hi - 1;
            while (a[left] == a[lo]) left++;
            while (a[right] == a[hi - 1]) right--;
            pairs += static_cast<long long>(left - lo) * static_cast<long long>(hi - 1 - right);
            lo = left;
            hi = right + 1;
        }
    }
    return pairs;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    long long target;
    std::cin >> n >> target;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << countPairs(a, target) << "\n";
    return 0;
}
