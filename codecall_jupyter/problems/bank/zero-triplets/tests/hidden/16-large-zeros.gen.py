n = 6000
print(n)
print(" ".join(["0"] * n))
