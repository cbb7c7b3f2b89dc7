#include <algorithm>
#include <iostream>
#include <vector>

// A run a[i..j-1] sums to k exactly when P[j] - P[i] = k, P being the prefix sums.
// Sort the prefix sums once, then count for each j the earlier prefixes equal to
// P[j] - k by walking prefixes in index order and keeping per-value counts in a
// compressed array: O(n log n), no hash map to attack.
long long countRuns(const std::vector<long long>& a, long long k) {
    size_t n = a.size();
    std::vector<long long> prefix(n + 1, 0);
    for (size_t i = 0; i < n; i++) prefix[i + 1] = prefix[i] + a[i];
    std::vector<long long> values(prefix);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::vector<long long> seen(values.size(), 0);
    auto index = [&](long long v) -> long long {
        auto it = std::lower_bound(values.begin(), values.end(), v);
        return (it != values.end() && *it == v) ? it - values.begin() : -1;
    };
    long long runs = 0;
    for (size_t j = 0; j <= n; j++) {
        long long want = index(prefix[j] - k);
        if (want >= 0) runs += seen[want];
        seen[index(prefix[j])]++;
    }
    return runs;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    long long k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << countRuns(a, k) << "\n";
    return 0;
}
