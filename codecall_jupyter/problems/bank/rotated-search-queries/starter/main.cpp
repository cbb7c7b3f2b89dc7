#include <iostream>
#include <vector>

// The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
long long sumOfPositions(const std::vector<long long>& a, const std::vector<long long>& queries) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cin >> q;
    std::vector<long long> queries(q);
    for (auto& x : queries) std::cin >> x;
    std::cout << sumOfPositions(a, queries) << "\n";
    return 0;
}
