n = 200_000
print(n, 14)
print(" ".join(["7"] * n))
