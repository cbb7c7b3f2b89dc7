# Strictly falling readings: every reading in the window is still a candidate maximum.
n = 500_000
k = 250_001
print(n, k)
print(" ".join(str(10**9 - 4000 * i) for i in range(n)))
