import random

# Like the random case, but three courses near the end of the hidden order also form a
# cycle: almost every course can be taken, and then the order gets stuck. The answer
# is -1.
rng = random.Random(97002)
n = m = 200_000
hidden = rng.sample(range(1, n + 1), n)
rules = []
for _ in range(m - 3):
    i = rng.randrange(n - 1)
    j = min(n - 1, i + 1 + int(rng.expovariate(1 / 50)))
    rules.append(f"{hidden[i]} {hidden[j]}")
a, b, c = hidden[-3], hidden[-2], hidden[-1]
rules += [f"{a} {b}", f"{b} {c}", f"{c} {a}"]
rng.shuffle(rules)
print(n, m)
print("\n".join(rules))
