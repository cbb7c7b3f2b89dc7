#include <deque>
#include <iostream>
#include <string>
#include <utility>

// A queue of (second, hits in that second) pairs inside the window; each pair enters and
// leaves once: O(1) amortized per operation.
class HitCounter {
public:
    void hit(long long t) {
        expire(t);
        if (!seconds_.empty() && seconds_.back().first == t)
            seconds_.back().second++;
        else
            seconds_.emplace_back(t, 1);
        total_++;
    }

    long long count(long long t) {
        expire(t);
        return total_;
    }

private:
    static constexpr long long kWindow = 300;
    std::deque<std::pair<long long, long long>> seconds_;
    long long total_ = 0;

    void expire(long long t) {
        while (!seconds_.empty() && seconds_.front().first <= t - kWindow) {
            total_ -= seconds_.front().second;
            seconds_.pop_front();
        }
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
