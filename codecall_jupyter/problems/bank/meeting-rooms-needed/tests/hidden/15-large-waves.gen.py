import random

# Waves of meetings: within a wave, meetings start at different times and all run until
# the wave's common end; the next wave begins later. The biggest wave decides. Shuffled.
rng = random.Random(4203)
n = 300_000
meetings = []
wave = 0
while len(meetings) < n:
    size = min(rng.randint(1, 3000), n - len(meetings))
    base = wave * 10_000
    end = base + 5000
    meetings += [(base + rng.randint(0, 4999), end) for _ in range(size)]
    wave += 1
rng.shuffle(meetings)
print(n)
print("\n".join(f"{s} {e}" for s, e in meetings))
