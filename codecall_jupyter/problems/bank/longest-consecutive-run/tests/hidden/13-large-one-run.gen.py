import random

# A shuffled run of 150 000 consecutive numbers, plus 50 000 duplicates from it.
rng = random.Random(14142)
run = list(range(-70_000, 80_000))
values = run + [rng.choice(run) for _ in range(50_000)]
rng.shuffle(values)
print(len(values))
print(" ".join(map(str, values)))
