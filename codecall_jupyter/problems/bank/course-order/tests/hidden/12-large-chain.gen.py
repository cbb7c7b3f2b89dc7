import random

# 2·10^5 courses chained in a random order: each course is the prerequisite of the next
# one in the chain. Exactly one course is free at any moment, and the only valid order
# is the chain itself. The rules are listed in shuffled order.
rng = random.Random(97003)
n = 200_000
chain = rng.sample(range(1, n + 1), n)
rules = [f"{chain[i]} {chain[i + 1]}" for i in range(n - 1)]
rng.shuffle(rules)
print(n, n - 1)
print("\n".join(rules))
