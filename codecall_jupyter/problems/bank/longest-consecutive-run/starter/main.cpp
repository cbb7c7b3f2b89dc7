#include <iostream>
#include <vector>

// Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
int longestRun(const std::vector<long long>& a) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << longestRun(a) << "\n";
    return 0;
}
