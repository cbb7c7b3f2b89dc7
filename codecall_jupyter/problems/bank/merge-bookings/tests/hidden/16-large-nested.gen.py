# Every booking lies inside the previous one, all centred on 7.
n = 300_000
print(n)
print("\n".join(f"{7 - 3000 * (n - i)} {7 + 3000 * (n - i)}" for i in range(n)))
