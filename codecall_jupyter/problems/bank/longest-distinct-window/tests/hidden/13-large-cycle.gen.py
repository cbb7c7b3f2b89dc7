n = 200_000
alphabet = "".join(chr(c) for c in range(33, 127))
print((alphabet * (n // len(alphabet) + 1))[:n])
