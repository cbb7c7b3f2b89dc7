import random

# Scores drift slowly upwards, with noise and many repeated values; a large k.
rng = random.Random(1202)
n = 300_000
k = 50_000
scores = [(i // 100) * 1000 + rng.randint(-20, 20) * 1000 for i in range(n)]
print(n, k)
print(" ".join(map(str, scores)))
