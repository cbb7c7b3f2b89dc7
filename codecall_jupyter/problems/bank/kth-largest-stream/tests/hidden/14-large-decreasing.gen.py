# Every score is the worst so far: the threshold never changes once it appears.
n = 300_000
k = 100_000
print(n, k)
print(" ".join(str(10**9 - 6000 * i) for i in range(n)))
