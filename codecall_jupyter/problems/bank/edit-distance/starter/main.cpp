#include <iostream>
#include <string>

// The fewest single-letter insertions, deletions and replacements that turn s into t.
int editDistance(const std::string& s, const std::string& t) {
    return 0;
}

int main() {
    std::string s, t;
    std::cin >> s >> t;
    std::cout << editDistance(s, t) << "\n";
    return 0;
}
