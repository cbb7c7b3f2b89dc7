# Strictly taller from left to right: the stack only grows until the very end.
n = 300_000
print(n)
print(" ".join(str(1000 + 3000 * i) for i in range(n)))
