#include <algorithm>
#include <iostream>
#include <vector>

// best[x] = fewest coins paying exactly x = 1 + min over coins c <= x of best[x - c],
// filled from 0 up to amount: O(k * amount).
int fewestCoins(const std::vector<int>& coins, int amount) {
    const int INF = amount + 1;
    std::vector<int> best(amount + 1, INF);
    best[0] = 0;
    for (int x = 1; x <= amount; x++)
        for (int c : coins)
            if (c <= x && best[x - c] + 1 < best[x]) best[x] = best[x - c] + 1;
    return best[amount] < INF ? best[amount] : -1;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int k, amount;
    std::cin >> k >> amount;
    std::vector<int> coins(k);
    for (auto& c : coins) std::cin >> c;
    std::cout << fewestCoins(coins, amount) << "\n";
    return 0;
}
