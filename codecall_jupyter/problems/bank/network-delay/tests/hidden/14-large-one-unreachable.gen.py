import random

# Like the random case, but one server only has links leaving it (and one to itself):
# every other server hears the alert, that one never does. The answer is -1.
rng = random.Random(18004)
n, m = 200_000, 300_000
lonely = rng.randint(2, n)
others = [v for v in range(2, n + 1) if v != lonely]
rng.shuffle(others)
order = [1] + others
links = []
for k in range(1, len(order)):
    links.append((order[rng.randrange(k)], order[k], rng.randint(0, 10**9)))
links.append((lonely, lonely, 5))
for _ in range(50):
    links.append((lonely, rng.randint(1, n), rng.randint(0, 10**9)))
while len(links) < m:
    u, v = rng.randint(1, n), rng.randint(1, n)
    if v != lonely:
        links.append((u, v, rng.randint(0, 10**9)))
rng.shuffle(links)
print(n, m)
print("\n".join(f"{u} {v} {w}" for u, v, w in links))
