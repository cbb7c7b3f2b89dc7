# The same reading every day: equal is not warmer, so no day ever waits for one.
n = 300_000
print(n)
print(" ".join(["-7"] * n))
