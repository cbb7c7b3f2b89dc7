#include <iostream>
#include <vector>

// n rounds; each round scans the courses from 1 up and takes the first untaken one whose
// prerequisites (looked up one by one) are all taken: O(n · (n + m)).
// Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::vector<int>> before(n + 1);
    for (int i = 0; i < m; i++) {
        int a, b;
        std::cin >> a >> b;
        before[b].push_back(a);
    }
    std::vector<char> taken(n + 1, 0);
    long long checksum = 0;
    for (long long position = 1; position <= n; position++) {
        int course = 0;
        for (int c = 1; c <= n && course == 0; c++) {
            if (taken[c]) continue;
            bool ready = true;
            for (int a : before[c])
                if (!taken[a]) {
                    ready = false;
                    break;
                }
            if (ready) course = c;
        }
        if (course == 0) {
            std::cout << -1 << "\n";
            return 0;
        }
        taken[course] = 1;
        checksum = (checksum + position * course) % 1'000'000'007;
    }
    std::cout << checksum << "\n";
    return 0;
}
