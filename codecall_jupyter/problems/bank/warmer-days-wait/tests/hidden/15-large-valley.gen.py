import random

# Cooling for the first half, warming for the second: each cold-spell day waits long.
rng = random.Random(8822)
half = 150_000
down = sorted((rng.randint(-(10**9), 10**9) for _ in range(half)), reverse=True)
up = sorted(rng.randint(-(10**9), 10**9) for _ in range(half))
t = down + up
print(len(t))
print(" ".join(map(str, t)))
