import random

# t is s after 60 random edits (insertions, deletions and replacements).
rng = random.Random(2719)
letters = "abcdefghijklmnopqrstuvwxyz"
s = [rng.choice(letters) for _ in range(1970)]
t = list(s)
for _ in range(60):
    op = rng.randrange(3)
    i = rng.randrange(len(t))
    if op == 0:
        t.insert(i, rng.choice(letters))
    elif op == 1:
        del t[i]
    else:
        t[i] = rng.choice(letters)
print("".join(s))
print("".join(t))
