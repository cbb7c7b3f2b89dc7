import random

# One busy key with 1.5·10^5 versions, then gets near its latest timestamps (interleaved
# with gets of a few quiet keys).
rng = random.Random(60601)
q, sets = 300_000, 150_000
lines = [str(q)]
times = []
t = 0
for _ in range(sets):
    t += rng.randint(1, 5000)
    times.append(t)
    lines.append(f"set hot {rng.randrange(10**9)} {t}")
for i in range(q - sets):
    if i % 50 == 0:
        lines.append(f"get quiet{'abcdefghij'[i % 10]} {rng.randint(1, 10**9)}")
    else:
        lines.append(f"get hot {times[-1 - rng.randrange(1000)] + rng.randrange(3)}")
print("\n".join(lines))
