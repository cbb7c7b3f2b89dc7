#include <iostream>
#include <vector>

// Return the sum of the maxima of all windows of k consecutive values of a.
long long windowMaxSum(const std::vector<long long>& a, int k) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << windowMaxSum(a, k) << "\n";
    return 0;
}
