import random

# One 'Q' near the end: every covering stretch must reach it.
rng = random.Random(81321)
n = 200_000
letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789"
s = [rng.choice(letters) for _ in range(n)]
s[n - 50] = "Q"
print("".join(s))
print("Qx7")
