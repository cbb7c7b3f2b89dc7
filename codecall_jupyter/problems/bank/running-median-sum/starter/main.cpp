#include <iostream>
#include <vector>

// Return the sum of the lower medians of a[0..i] for every i.
long long medianSum(const std::vector<long long>& a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << medianSum(a) << "\n";
    return 0;
}
