# Every building at the maximum height: the answer is the whole street.
n = 300_000
print(n)
print(" ".join(["1000000000"] * n))
