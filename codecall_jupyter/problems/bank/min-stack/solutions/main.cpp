#include <iostream>
#include <string>
#include <vector>

// Each entry remembers the minimum of the stack up to and including itself: O(1) per
// operation.
class MinStack {
public:
    void push(long long x) {
        values_.push_back(x);
        mins_.push_back(mins_.empty() || x < mins_.back() ? x : mins_.back());
    }
    void pop() {
        values_.pop_back();
        mins_.pop_back();
    }
    long long top() const { return values_.back(); }
    long long getMin() const { return mins_.back(); }

private:
    std::vector<long long> values_, mins_;
};

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    MinStack stack;
    long long minSum = 0, topSum = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        std::cin >> op;
        if (op == "push") {
            long long x;
            std::cin >> x;
            stack.push(x);
        } else if (op == "pop") {
            stack.pop();
        } else if (op == "top") {
            topSum += stack.top();
        } else {
            minSum += stack.getMin();
        }
    }
    std::cout << minSum << " " << topSum << "\n";
    return 0;
}
