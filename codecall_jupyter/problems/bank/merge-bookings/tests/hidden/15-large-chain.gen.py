import random

# Each booking starts exactly where another one ends: one block overall. Shuffled.
rng = random.Random(3103)
n = 300_000
bookings = [(3000 * i - 10**9, 3000 * (i + 1) - 10**9) for i in range(n)]
rng.shuffle(bookings)
print(n)
print("\n".join(f"{l} {r}" for l, r in bookings))
