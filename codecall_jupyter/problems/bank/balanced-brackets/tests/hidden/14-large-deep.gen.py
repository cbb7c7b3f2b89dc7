import random

# One pair nested inside another, a million characters deep: balanced.
rng = random.Random(7301)
half = 500_000
opens = [rng.choice("([{") for _ in range(half)]
close = {"(": ")", "[": "]", "{": "}"}
s = "".join(opens) + "".join(close[c] for c in reversed(opens))
print(len(s))
print(s)
