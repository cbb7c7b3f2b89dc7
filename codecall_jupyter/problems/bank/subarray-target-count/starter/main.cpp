#include <iostream>
#include <vector>

// Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
long long countRuns(const std::vector<long long>& a, long long k) {
    return 0;
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
