#include <iostream>
#include <string>

class MinStack {
public:
    // Put x on top of the stack.
    void push(long long x) {
    }

    // Remove the element on top of the stack.
    void pop() {
    }

    // The element on top of the stack.
    long long top() {
        return 0;
    }

    // The smallest element in the stack.
    long long getMin() {
        return 0;
    }
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
