#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

// Compare every word with every other word: O(n^2 L). A word starts a new group when
// no earlier word is its anagram. Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<std::string> keys(n);
    for (auto& k : keys) {
        std::cin >> k;
        std::sort(k.begin(), k.end());
    }
    long long groups = 0, largest = 0;
    for (int i = 0; i < n; i++) {
        long long same = 0;
        bool first = true;
        for (int j = 0; j < n; j++) {
            if (keys[i] == keys[j]) {
                same++;
                if (j < i) first = false;
            }
        }
        if (first) groups++;
        largest = std::max(largest, same);
    }
    std::cout << groups << " " << largest << "\n";
    return 0;
}
