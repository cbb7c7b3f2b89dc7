#include <iostream>
#include <vector>

// Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
long long widestReservoir(const std::vector<long long>& h) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> h(n);
    for (auto& x : h) std::cin >> x;
    std::cout << widestReservoir(h) << "\n";
    return 0;
}
