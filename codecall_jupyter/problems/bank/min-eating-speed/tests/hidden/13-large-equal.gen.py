# 10^5 documents of 10^9 pages, 10^9 hours: at most 10^4 hours each, a pace of 10^5.
n = 100_000
print(n, 10**9)
print(" ".join(["1000000000"] * n))
