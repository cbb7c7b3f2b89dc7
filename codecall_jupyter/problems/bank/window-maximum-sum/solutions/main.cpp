#include <deque>
#include <iostream>
#include <vector>

// Monotonic deque of indices with decreasing values; the front is the window maximum: O(n).
long long windowMaxSum(const std::vector<long long>& a, int k) {
    std::deque<int> window;
    long long total = 0;
    for (int i = 0; i < static_cast<int>(a.size()); i++) {
        while (!window.empty() && a[window.back()] <= a[i]) window.pop_back();
        window.push_back(i);
        if (window.front() <= i - k) window.pop_front();
        if (i >= k - 1) total += a[window.front()];
    }
    return total;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, k;
    std::cin >> n >> k;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << windowMaxSum(a, k) << "\n";
    return 0;
}
