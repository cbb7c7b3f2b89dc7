#include <iostream>

// Bottom-up: ways(i) = ways(i-1) + ways(i-2) + ways(i-3), keeping the last three. O(n).
long long countWays(int n) {
    const long long MOD = 1000000007LL;
    long long a = 0, b = 0, c = 1;  // ways(-2), ways(-1), ways(0)
    for (int i = 0; i < n; i++) {
        long long next = (a + b + c) % MOD;
        a = b;
        b = c;
        c = next;
    }
    return c;
}

int main() {
    int n;
    std::cin >> n;
    std::cout << countWays(n) << "\n";
    return 0;
}
