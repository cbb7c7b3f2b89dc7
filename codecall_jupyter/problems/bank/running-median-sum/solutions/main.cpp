#include <functional>
#include <iostream>
#include <queue>
#include <vector>

// Two heaps: the lower half in a max-heap (the median on top), the upper half in a
// min-heap; the lower half holds as many elements as the upper one or one more.
// O(n log n).
long long medianSum(const std::vector<long long>& a) {
    std::priority_queue<long long> low;
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> high;
    long long total = 0;
    for (long long x : a) {
        if (low.empty() || x <= low.top()) {
            low.push(x);
        } else {
            high.push(x);
        }
        if (low.size() > high.size() + 1) {
            high.push(low.top());
            low.pop();
        } else if (high.size() > low.size()) {
            low.push(high.top());
            high.pop();
        }
        total += low.top();
    }
    return total;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cout << medianSum(a) << "\n";
    return 0;
}
