#include <iostream>
#include <string>

// Return true if every bracket in s is closed by its own type, properly nested.
bool isBalanced(const std::string& s) {
    return false;
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
