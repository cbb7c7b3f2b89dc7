print(10**6)
