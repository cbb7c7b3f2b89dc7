#include <iostream>
#include <vector>

// The smallest pace k with sum of ceil(p / k) over all documents at most h.
long long slowestPace(const std::vector<long long>& pages, long long h) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    long long h;
    std::cin >> n >> h;
    std::vector<long long> pages(n);
    for (auto& p : pages) std::cin >> p;
    std::cout << slowestPace(pages, h) << "\n";
    return 0;
}
