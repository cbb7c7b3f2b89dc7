# Small coins: the answer needs thousands of coins, and a search tree is huge.
print(12, 99_989)
print("1 2 5 11 17 23 31 47 53 61 67 89")
