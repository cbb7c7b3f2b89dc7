#include <functional>
#include <iostream>
#include <queue>
#include <vector>

// A min-heap of the k largest scores so far; its top is the k-th largest: O(n log k).
long long thresholdSum(const std::vector<long long>& a, int k) {
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> top;
    long long total = 0;
    for (long long x : a) {
        if (static_cast<int>(top.size()) < k) {
            top.push(x);
        } else if (x > top.top()) {
            top.pop();
            top.push(x);
        }
        if (static_cast<int>(top.size()) == k) total += top.top();
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
    std::cout << thresholdSum(a, k) << "\n";
    return 0;
}
