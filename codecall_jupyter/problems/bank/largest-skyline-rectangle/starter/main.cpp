#include <iostream>
#include <vector>

// Return the largest area of a rectangle standing on the ground under the skyline h.
long long largestRectangle(const std::vector<long long>& h) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> h(n);
    for (auto& x : h) std::cin >> x;
    std::cout << largestRectangle(h) << "\n";
    return 0;
}
