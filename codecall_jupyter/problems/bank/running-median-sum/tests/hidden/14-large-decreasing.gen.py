# Every reading is the smallest so far: the median keeps sliding down.
n = 300_000
print(n)
print(" ".join(str(10**9 - 6000 * i) for i in range(n)))
