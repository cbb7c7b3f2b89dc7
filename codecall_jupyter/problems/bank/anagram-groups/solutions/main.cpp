#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

// Key each word by its letters in sorted order; anagrams share the key. A hash map
// counts the words per key: O(n L log L).
std::pair<long long, long long> anagramGroups(const std::vector<std::string>& words) {
    std::unordered_map<std::string, long long> groups;
    groups.reserve(words.size() * 2);
    long long largest = 0;
    for (const auto& word : words) {
        std::string key = word;
        std::sort(key.begin(), key.end());
        largest = std::max(largest, ++groups[key]);
    }
    return {static_cast<long long>(groups.size()), largest};
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
