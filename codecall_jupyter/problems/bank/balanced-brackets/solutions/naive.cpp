#include <iostream>
#include <string>

// Find the first adjacent matching pair, delete it, and start over until none is left:
// O(n^2). Correct, and too slow for the large cases.
static bool matches(char open, char close) {
    return (open == '(' && close == ')') || (open == '[' && close == ']') ||
           (open == '{' && close == '}');
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::string s;
    std::cin >> n >> s;
    bool removed = true;
    while (removed && !s.empty()) {
        removed = false;
        for (size_t i = 0; i + 1 < s.size(); i++) {
            if (matches(s[i], s[i + 1])) {
                s.erase(i, 2);
                removed = true;
                break;
            }
        }
    }
    std::cout << (s.empty() ? "YES" : "NO") << "\n";
    return 0;
}
