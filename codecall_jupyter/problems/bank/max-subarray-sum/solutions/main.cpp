#include <iostream>
#include <vector>

// Kadane's scan: the best stretch ending at day j either is day j alone or extends the
// best stretch ending at day j - 1. O(n) time, O(1) extra memory.
long long maxSubarraySum(const std::vector<long long>& a) {
    long long best = a[0], endingHere = a[0];
    for (size_t i = 1; i < a.size(); i++) {
        endingHere = endingHere < 0 ? a[i] : endingHere + a[i];
        if (endingHere > best) best = endingHere;
    }
    return best;
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
