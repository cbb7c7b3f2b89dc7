#include <iostream>
#include <vector>

// The largest sum of elements of a with no two of them adjacent.
long long bestHarvest(const std::vector<long long>& a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << bestHarvest(a) << "\n";
    return 0;
}
