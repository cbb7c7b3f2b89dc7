#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

// Every get scans all the versions of its key: O(n) per get. Correct, and too slow for
// the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    std::map<std::string, std::vector<std::pair<long long, long long>>> versions;
    long long total = 0;
    std::string op, key;
    for (int i = 0; i < q; i++) {
        std::cin >> op >> key;
        if (op == "set") {
            long long value, timestamp;
            std::cin >> value >> timestamp;
            versions[key].emplace_back(timestamp, value);
        } else {
            long long t;
            std::cin >> t;
            long long bestTime = 0, answer = -1;
            for (const auto& [time, value] : versions[key])
                if (time <= t && time > bestTime) {
                    bestTime = time;
                    answer = value;
                }
            total += answer;
        }
    }
    std::cout << total << "\n";
    return 0;
}
