import random

# 4000 base words, each shuffled 50 times in random order.
rng = random.Random(2468)
letters = "abcdefghijklmnopqrstuvwxyz"
bases = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(4000)]
words = []
for _ in range(200_000):
    w = list(rng.choice(bases))
    rng.shuffle(w)
    words.append("".join(w))
print(len(words))
print(" ".join(words))
