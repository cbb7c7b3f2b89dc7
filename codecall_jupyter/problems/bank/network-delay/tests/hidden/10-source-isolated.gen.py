import random

# 2·10^5 servers and 3·10^5 random links, none of them leaving server 1: the alert goes
# nowhere. The answer is -1.
rng = random.Random(18001)
n, m = 200_000, 300_000
links = []
for _ in range(m):
    links.append(f"{rng.randint(2, n)} {rng.randint(1, n)} {rng.randint(0, 10**9)}")
print(n, m)
print("\n".join(links))
