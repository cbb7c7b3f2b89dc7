#include <algorithm>
#include <iostream>
#include <numeric>
#include <vector>

// Join every overlapping pair in a union-find, then measure each group: O(n^2). Correct,
// and too slow for the large cases.
static std::vector<int> parent;

static int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<long long> l(n), r(n);
    for (int i = 0; i < n; i++) std::cin >> l[i] >> r[i];
    parent.resize(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (l[i] <= r[j] && l[j] <= r[i]) parent[find(i)] = find(j);
    std::vector<long long> lo(n, 0), hi(n, 0);
    std::vector<bool> seen(n, false);
    long long blocks = 0, covered = 0;
    for (int i = 0; i < n; i++) {
        int root = find(i);
        if (!seen[root]) {
            seen[root] = true;
            blocks++;
            lo[root] = l[i];
            hi[root] = r[i];
        }
        lo[root] = std::min(lo[root], l[i]);
        hi[root] = std::max(hi[root], r[i]);
    }
    for (int i = 0; i < n; i++)
        if (seen[i]) covered += hi[i] - lo[i];
    std::cout << blocks << " " << covered << "\n";
    return 0;
}
