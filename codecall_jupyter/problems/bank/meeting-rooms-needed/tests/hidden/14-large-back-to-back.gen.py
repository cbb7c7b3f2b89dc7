import random

# A chain of meetings, each starting when another ends: a single room. Shuffled.
rng = random.Random(4202)
n = 300_000
meetings = [(3000 * i, 3000 * (i + 1)) for i in range(n)]
rng.shuffle(meetings)
print(n)
print("\n".join(f"{s} {e}" for s, e in meetings))
