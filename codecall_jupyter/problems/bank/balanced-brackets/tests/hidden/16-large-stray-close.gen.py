import random

# A deeply nested balanced string followed by one closing bracket too many.
rng = random.Random(7303)
half = 499_999
opens = [rng.choice("([{") for _ in range(half)]
close = {"(": ")", "[": "]", "{": "}"}
s = "".join(opens) + "".join(close[c] for c in reversed(opens)) + "]"
print(len(s))
print(s)
