n = 500_000
print(n)
print(" ".join(["1000000000"] * n))
