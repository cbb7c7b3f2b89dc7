import random

# No two bookings overlap: every booking is its own block. Shuffled.
rng = random.Random(3102)
n = 300_000
bookings = [(6000 * i - 10**9, 6000 * i - 10**9 + rng.randint(0, 5999)) for i in range(n)]
rng.shuffle(bookings)
print(n)
print("\n".join(f"{l} {r}" for l, r in bookings))
