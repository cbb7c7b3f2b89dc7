# Strictly rising readings: the maximum is always the newest reading.
n = 500_000
k = 170_000
print(n, k)
print(" ".join(str(-(10**9) + 4000 * i) for i in range(n)))
