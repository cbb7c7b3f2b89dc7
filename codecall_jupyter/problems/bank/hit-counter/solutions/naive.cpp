#include <iostream>
#include <string>
#include <vector>

// Keep every hit; each count scans all of them: O(hits) per count. Correct, and too
// slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    std::vector<long long> hits;
    long long answer = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        long long t;
        std::cin >> op >> t;
        if (op == "hit") {
            hits.push_back(t);
        } else {
            for (long long h : hits)
                if (h > t - 300 && h <= t) answer++;
        }
    }
    std::cout << answer << "\n";
    return 0;
}
