#include <iostream>
#include <vector>

// Count the pairs i < j with a[i] + a[j] == target.
long long countPairs(const std::vector<long long>& a, long long target) {
    return 0;
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
