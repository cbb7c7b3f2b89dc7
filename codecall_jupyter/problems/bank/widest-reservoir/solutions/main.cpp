#include <algorithm>
#include <iostream>
#include <vector>

// Two pointers from both ends. The shorter of the two current walls cannot hold more
// water with any wall closer in, so it is dropped: O(n).
long long widestReservoir(const std::vector<long long>& h) {
    size_t lo = 0, hi = h.size() - 1;
    long long best = 0;
    while (lo < hi) {
        long long width = static_cast<long long>(hi - lo);
        best = std::max(best, width * std::min(h[lo], h[hi]));
        if (h[lo] < h[hi]) lo++;
        else hi--;
    }
    return best;
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
