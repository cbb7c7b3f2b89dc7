#include <iostream>
#include <vector>

// The length of the longest strictly increasing subsequence of a.
int longestRise(const std::vector<long long>& a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << longestRise(a) << "\n";
    return 0;
}
