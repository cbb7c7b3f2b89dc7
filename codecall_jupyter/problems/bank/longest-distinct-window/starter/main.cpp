#include <iostream>
#include <string>

// Return the length of the longest substring of s with no repeated character.
int longestDistinct(const std::string& s) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s;
    std::cin >> s;
    std::cout << longestDistinct(s) << "\n";
    return 0;
}
