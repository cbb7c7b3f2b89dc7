#include <iostream>
#include <tuple>
#include <vector>

// Time at which every server has heard the alert sent by server 1, or -1 if some never does.
long long networkDelay(int n, const std::vector<std::tuple<int, int, long long>>& links) {
    return 0;
}

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int n, m;
    std::cin >> n >> m;
    std::vector<std::tuple<int, int, long long>> links(m);  // {u, v, w}: u -> v taking w
    for (auto& [u, v, w] : links) std::cin >> u >> v >> w;
    std::cout << networkDelay(n, links) << "\n";
    return 0;
}
