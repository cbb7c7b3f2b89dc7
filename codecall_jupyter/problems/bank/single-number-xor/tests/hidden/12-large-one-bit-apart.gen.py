import random

# The two lonely labels, 2^29 + 12345 and 12345, differ in a single bit.
rng = random.Random(161804)
lonely = [2**29 + 12345, 12345]
m = 99_999
seen = set(lonely)
values = []
while len(values) < m:
    v = rng.randint(-(10**9), 10**9)
    if v not in seen:
        seen.add(v)
        values.append(v)
a = values * 2 + lonely
rng.shuffle(a)
print(len(a))
print(" ".join(map(str, a)))
