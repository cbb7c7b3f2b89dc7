import random

# Deeply nested, but near the outside two closing brackets are swapped: not balanced.
rng = random.Random(7302)
half = 500_000
opens = [rng.choice("([{") for _ in range(half)]
opens[4] = "("
opens[5] = "["
close = {"(": ")", "[": "]", "{": "}"}
closing = [close[c] for c in reversed(opens)]
closing[-5], closing[-6] = closing[-6], closing[-5]
s = "".join(opens) + "".join(closing)
print(len(s))
print(s)
