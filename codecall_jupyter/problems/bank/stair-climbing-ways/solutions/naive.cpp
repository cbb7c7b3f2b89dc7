#include <iostream>

// Plain recursion on the last move, no memo: exponential. Correct, and too slow for the large cases.
const long long MOD = 1000000007LL;

long long ways(int n) {
    if (n < 0) return 0;
    if (n == 0) return 1;
    return (ways(n - 1) + ways(n - 2) + ways(n - 3)) % MOD;
}

int main() {
    int n;
    std::cin >> n;
    std::cout << ways(n) << "\n";
    return 0;
}
