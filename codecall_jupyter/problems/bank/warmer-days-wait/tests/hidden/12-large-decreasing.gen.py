# Strictly colder every day: no day has a warmer day after it.
n = 300_000
print(n)
print(" ".join(str(10**9 - 3 * i) for i in range(n)))
