#include <iostream>
#include <string>

// Return the length of the shortest substring of s holding every character of t
// (with multiplicity), or 0 if there is none.
int shortestCover(const std::string& s, const std::string& t) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    std::string s, t;
    std::cin >> s >> t;
    std::cout << shortestCover(s, t) << "\n";
    return 0;
}
