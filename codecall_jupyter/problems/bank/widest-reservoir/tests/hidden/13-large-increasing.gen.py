n = 200_000
print(n)
print(" ".join(str(5000 * (i + 1)) for i in range(n)))
