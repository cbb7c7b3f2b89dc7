import random

# Random words: almost every word is alone in its group.
rng = random.Random(1357)
n = 200_000
letters = "abcdefghijklmnopqrstuvwxyz"
words = ["".join(rng.choice(letters) for _ in range(rng.randint(6, 12))) for _ in range(n)]
print(n)
print(" ".join(words))
