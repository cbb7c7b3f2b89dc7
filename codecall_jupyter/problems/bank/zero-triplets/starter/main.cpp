#include <iostream>
#include <vector>

// Count the different value trios x <= y <= z, from three positions of a, with x + y + z == 0.
long long zeroTriplets(std::vector<long long> a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << zeroTriplets(a) << "\n";
    return 0;
}
