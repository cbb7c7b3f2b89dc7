#include <iostream>
#include <string>

// A stack of the brackets still open; each closing bracket must match its top: O(n).
bool isBalanced(const std::string& s) {
    std::string stack;
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') {
            stack.push_back(c);
            continue;
        }
        char want = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (stack.empty() || stack.back() != want) return false;
        stack.pop_back();
    }
    return stack.empty();
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::string s;
    std::cin >> n >> s;
    std::cout << (isBalanced(s) ? "YES" : "NO") << "\n";
    return 0;
}
