#include <algorithm>
#include <iostream>
#include <vector>

// Monotonic stack of increasing heights; each popped building knows both its limits: O(n).
long long largestRectangle(const std::vector<long long>& h) {
    int n = static_cast<int>(h.size());
    std::vector<int> stack;
    long long best = 0;
    for (int i = 0; i <= n; i++) {
        long long x = i < n ? h[i] : 0;
        while (!stack.empty() && h[stack.back()] >= x) {
            long long height = h[stack.back()];
            stack.pop_back();
            int left = stack.empty() ? 0 : stack.back() + 1;
            best = std::max(best, height * (i - left));
        }
        stack.push_back(i);
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
    std::cout << largestRectangle(h) << "\n";
    return 0;
}
