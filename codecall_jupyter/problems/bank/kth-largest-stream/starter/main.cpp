#include <iostream>
#include <vector>

// Return the sum, over arrivals k..n, of the k-th largest score received so far.
long long thresholdSum(const std::vector<long long>& a, int k) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << thresholdSum(a, k) << "\n";
    return 0;
}
