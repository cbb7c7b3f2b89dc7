import random

# Blocks of consecutive numbers of many lengths, separated by gaps, all shuffled.
rng = random.Random(17320)
values = []
start = -(10**9)
while len(values) < 200_000:
    length = min(rng.randint(1, 3000), 200_000 - len(values))
    values.extend(range(start, start + length))
    start += length + rng.randint(2, 5000)
rng.shuffle(values)
print(len(values))
print(" ".join(map(str, values)))
