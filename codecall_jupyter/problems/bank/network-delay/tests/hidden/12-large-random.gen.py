import random

# 2·10^5 servers: a random tree of links spreading out from server 1 (so every server
# is reached), plus 10^5 random extra links. Random delays, some of them zero.
rng = random.Random(18002)
n, m = 200_000, 300_000
order = [1] + rng.sample(range(2, n + 1), n - 1)
links = []
for k in range(1, n):
    delay = 0 if rng.random() < 0.05 else rng.randint(1, 10**9)
    links.append((order[rng.randrange(k)], order[k], delay))
while len(links) < m:
    links.append((rng.randint(1, n), rng.randint(1, n), rng.randint(0, 10**9)))
rng.shuffle(links)
print(n, m)
print("\n".join(f"{u} {v} {w}" for u, v, w in links))
