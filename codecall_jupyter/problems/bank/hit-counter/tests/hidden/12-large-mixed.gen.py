import random

# Hits and counts mixed over a long time, hits first becoming counts later; the window
# holds thousands of hits at a time.
rng = random.Random(424242)
q = 300_000
t = 1
lines = [str(q)]
for i in range(q):
    if rng.random() < 0.02:
        t += rng.randint(1, 5)
    lines.append(f"{'hit' if rng.random() < 1 - i / q else 'count'} {t}")
print("\n".join(lines))
