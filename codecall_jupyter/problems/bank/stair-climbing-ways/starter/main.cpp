#include <iostream>

// The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1000000007.
long long countWays(int n) {
    return 0;
}

int main() {
    int n;
    std::cin >> n;
    std::cout << countWays(n) << "\n";
    return 0;
}
