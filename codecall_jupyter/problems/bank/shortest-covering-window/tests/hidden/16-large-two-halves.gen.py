# All the a's first, then all the b's: the only covering stretches straddle the middle.
half = 100_000
print("a" * half + "b" * half)
print("a" * 3 + "b" * 2)
