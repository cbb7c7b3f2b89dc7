#include <iostream>
#include <utility>
#include <vector>

// The two values that appear once in a (every other value appears twice), smaller first.
std::pair<long long, long long> lonelyPair(const std::vector<long long>& a) {
    return {0, 0};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& v : a) std::cin >> v;
    auto [x, y] = lonelyPair(a);
    std::cout << x << " " << y << "\n";
    return 0;
}
