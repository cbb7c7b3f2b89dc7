#include <iostream>
#include <string>

class HitCounter {
public:
    // A request arrived at second t (t never decreases between calls).
    void hit(long long t) {
    }

    // The number of hits with a time in (t - 300, t].
    long long count(long long t) {
        return 0;
    }
};

int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int q;
    std::cin >> q;
    HitCounter counter;
    long long answer = 0;
    std::string op;
    for (int i = 0; i < q; i++) {
        long long t;
        std::cin >> op >> t;
        if (op == "hit")
            counter.hit(t);
        else
            answer += counter.count(t);
    }
    std::cout << answer << "\n";
    return 0;
}
