# Every meeting at the same time: one room each.
n = 300_000
print(n)
print("\n".join(["5 1000000000"] * n))
