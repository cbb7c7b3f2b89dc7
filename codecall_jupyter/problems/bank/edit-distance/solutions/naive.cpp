#include <algorithm>
#include <iostream>
#include <string>

// The recurrence as plain recursion, without a memo: exponential time.
// Correct, and too slow for the large cases.
std::string s, t;

int dist(int i, int j) {
    if (i == 0) return j;
    if (j == 0) return i;
    if (s[i - 1] == t[j - 1]) return dist(i - 1, j - 1);
    return 1 + std::min({dist(i - 1, j), dist(i, j - 1), dist(i - 1, j - 1)});
}

int main() {
    std::cin >> s >> t;
    std::cout << dist(static_cast<int>(s.size()), static_cast<int>(t.size())) << "\n";
    return 0;
}
