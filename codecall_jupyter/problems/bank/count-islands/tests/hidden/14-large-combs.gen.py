import random

# Bands of three rows: a row of separate one-cell teeth, a row of land that joins all
# the teeth (with a few gaps), then a row of water. Many small pieces that merge late.
rng = random.Random(75002)
R = C = 1000
print(R, C)
rows = []
for r in range(R):
    if r % 3 == 0:
        rows.append("".join("#" if c % 2 == 0 else "." for c in range(C)))
    elif r % 3 == 1:
        rows.append("".join("." if rng.random() < 0.01 else "#" for c in range(C)))
    else:
        rows.append("." * C)
print("\n".join(rows))
