# Every score beats all earlier ones, with k = 1: the threshold changes on every arrival.
n = 300_000
k = 1
print(n, k)
print(" ".join(str(-(10**9) + 6000 * i) for i in range(n)))
