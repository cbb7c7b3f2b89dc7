#include <iostream>
#include <vector>

// Return the largest sum of a non-empty run of consecutive elements of a.
long long maxSubarraySum(const std::vector<long long>& a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << maxSubarraySum(a) << "\n";
    return 0;
}
