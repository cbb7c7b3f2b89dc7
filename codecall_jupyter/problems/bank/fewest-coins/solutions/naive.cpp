#include <algorithm>
#include <functional>
#include <iostream>
#include <vector>

// Plain recursion on the first coin paid, no memo: exponential.
// Correct, and too slow for the large cases.
const int INF = 1 << 30;
std::vector<int> coins;

int fewest(int x) {
    if (x == 0) return 0;
    int best = INF;
    for (int c : coins)
        if (c <= x) {
            int rest = fewest(x - c);
            if (rest != INF) best = std::min(best, rest + 1);
        }
    return best;
}

int main() {
    int k, amount;
    std::cin >> k >> amount;
    coins.resize(k);
    for (auto& c : coins) std::cin >> c;
    std::sort(coins.begin(), coins.end(), std::greater<int>());  // large coins first: shallow recursion
    int best = fewest(amount);
    std::cout << (best == INF ? -1 : best) << "\n";
    return 0;
}
