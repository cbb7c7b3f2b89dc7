import random

# A long, slowly cooling spell with repeats, and the warmest day of all at the very end.
rng = random.Random(8821)
n = 300_000
t = []
value = 900_000_000
for _ in range(n - 1):
    t.append(value)
    value -= rng.randint(0, 5000)
t.append(10**9)
print(n)
print(" ".join(map(str, t)))
