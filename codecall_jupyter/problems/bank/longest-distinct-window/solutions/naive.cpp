#include <iostream>
#include <string>
#include <vector>

// Every start i and every end j, counting characters that occur twice in s[i..j]:
// O(n^2) over all substrings. Correct, and too slow for the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s;
    std::cin >> s;
    int n = static_cast<int>(s.size());
    int best = 0;
    std::vector<int> count(128);
    for (int i = 0; i < n; i++) {
        std::fill(count.begin(), count.end(), 0);
        int repeats = 0;
        for (int j = i; j < n; j++) {
            if (count[static_cast<unsigned char>(s[j])]++ == 1) repeats++;
            if (repeats == 0 && j - i + 1 > best) best = j - i + 1;
        }
    }
    std::cout << best << "\n";
    return 0;
}
