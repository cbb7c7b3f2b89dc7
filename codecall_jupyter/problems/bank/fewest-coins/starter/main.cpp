#include <iostream>
#include <vector>

// The fewest coins (each value usable any number of times) summing to amount, or -1.
int fewestCoins(const std::vector<int>& coins, int amount) {
    return 0;
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
