import random

rng = random.Random(161803)
m = 99_999
values = rng.sample(range(-(10**9), 10**9 + 1), m + 2)
a = values[:m] * 2 + values[m:]
rng.shuffle(a)
print(len(a))
print(" ".join(map(str, a)))
