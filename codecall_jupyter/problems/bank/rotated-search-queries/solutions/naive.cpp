#include <iostream>
#include <vector>

// Scan the whole array for every query: O(n * q). Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, q;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::cin >> q;
    long long total = 0;
    for (int k = 0; k < q; k++) {
        long long x;
        std::cin >> x;
        long long found = -1;
        for (int i = 0; i < n; i++)
            if (a[i] == x) {
                found = i;
                break;
            }
        total += found;
    }
    std::cout << total << "\n";
    return 0;
}
