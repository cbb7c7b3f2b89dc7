print("k" * 200_000)
