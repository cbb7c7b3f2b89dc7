import random

rng = random.Random(97531)
n = 200_000
words = []
for _ in range(n):
    w = list("interviewing")
    rng.shuffle(w)
    words.append("".join(w))
print(n)
print(" ".join(words))
