import random

# 2·10^5 courses and 2·10^5 rules that all agree with one hidden random order, so a
# valid order exists. Rules mostly join courses close together in the hidden order.
rng = random.Random(97001)
n = m = 200_000
hidden = rng.sample(range(1, n + 1), n)
rules = []
for _ in range(m):
    i = rng.randrange(n - 1)
    j = min(n - 1, i + 1 + int(rng.expovariate(1 / 50)))
    rules.append(f"{hidden[i]} {hidden[j]}")
print(n, m)
print("\n".join(rules))
