import random

# 1.5·10^5 versions of one key, then sets and gets interleaved; the gets ask about early times.
rng = random.Random(60602)
q = 300_000
last = {"alpha": 0, "beta": 0}
first = {"alpha": [], "beta": []}


def add(key):
    last[key] += rng.randint(1, 3000)
    if len(first[key]) < 200:
        first[key].append(last[key])
    return f"set {key} {rng.randrange(10**9)} {last[key]}"


lines = [str(q)]
for _ in range(q // 2):
    lines.append(add("alpha"))
for i in range(q // 2):
    key = "beta" if i % 10 == 9 else "alpha"
    if i % 4 == 0 or not first[key]:
        lines.append(add(key))
    else:
        lines.append(f"get {key} {max(1, rng.choice(first[key]) + rng.randrange(-2, 3))}")
print("\n".join(lines))
