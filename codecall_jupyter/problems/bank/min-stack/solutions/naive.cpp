#include <iostream>
#include <string>
#include <vector>

// A plain stack; `min` scans every element: O(n) per `min`. Correct, and too slow for
// the large cases.
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    std::vector<long long> stack;
    long long minSum = 0, topSum = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        std::cin >> op;
        if (op == "push") {
            long long x;
            std::cin >> x;
            stack.push_back(x);
        } else if (op == "pop") {
            stack.pop_back();
        } else if (op == "top") {
            topSum += stack.back();
        } else {
            long long best = stack[0];
            for (long long x : stack)
                if (x < best) best = x;
            minSum += best;
        }
    }
    std::cout << minSum << " " << topSum << "\n";
    return 0;
}
