#include <algorithm>
#include <iostream>
#include <set>
#include <tuple>
#include <vector>

// Every three positions i < j < k of the sorted array, the trios kept in a set: O(n^3).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> a(n);
    for (auto& x : a) std::cin >> x;
    std::sort(a.begin(), a.end());
    std::set<std::tuple<long long, long long, long long>> trios;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            for (int k = j + 1; k < n; k++)
                if (a[i] + a[j] + a[k] == 0) trios.insert({a[i], a[j], a[k]});
    std::cout << trios.size() << "\n";
    return 0;
}
