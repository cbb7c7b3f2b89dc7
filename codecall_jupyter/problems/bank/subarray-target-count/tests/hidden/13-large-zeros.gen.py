n = 200_000
print(n, 0)
print(" ".join(["0"] * n))
