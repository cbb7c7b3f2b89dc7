import random

# A chain of 2·10^5 servers starting at server 1 (shuffled numbers), listed from its far
# end back to the start, plus 10^5 slower shortcut links. Relaxing the links in input
# order, pass after pass, needs one pass per server.
rng = random.Random(18003)
n, m = 200_000, 300_000
chain = [1] + rng.sample(range(2, n + 1), n - 1)
links = [(chain[k], chain[k + 1], rng.randint(1, 1000)) for k in range(n - 1)]
links.reverse()
for _ in range(m - (n - 1)):
    i = rng.randrange(n - 1)
    j = min(n - 1, i + rng.randint(1, 100))
    links.append((chain[i], chain[j], 1000 * (j - i) + rng.randint(1, 10**6)))
print(n, m)
print("\n".join(f"{u} {v} {w}" for u, v, w in links))
