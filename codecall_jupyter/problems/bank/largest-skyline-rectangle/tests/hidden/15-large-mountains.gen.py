import random

# Ranges of peaks and valleys with plateaus and a few empty lots (height 0).
rng = random.Random(5502)
n = 300_000
h = []
value = 500_000_000
while len(h) < n:
    run = rng.randint(1, 2000)
    step = rng.randint(-300_000, 300_000)
    for _ in range(min(run, n - len(h))):
        value = min(10**9, max(0, value + step + rng.randint(-1000, 1000)))
        h.append(0 if rng.random() < 0.0005 else value)
print(n)
print(" ".join(map(str, h)))
