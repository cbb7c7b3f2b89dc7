#include <iostream>
#include <string>
#include <utility>
#include <vector>

// Return {number of anagram groups, size of the largest group}.
std::pair<long long, long long> anagramGroups(const std::vector<std::string>& words) {
    return {0, 0};
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n;
    std::cin >> n;
    std::vector<std::string> words(n);
    for (auto& w : words) std::cin >> w;
    auto [count, largest] = anagramGroups(words);
    std::cout << count << " " << largest << "\n";
    return 0;
}
