n = 200_000
print(n)
print(" ".join(["-123456789"] * n))
