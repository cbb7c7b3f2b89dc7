import random

# A 1000 x 1000 grid where each cell is land with probability 0.55: tens of thousands of
# islands of every shape and size.
rng = random.Random(75001)
R = C = 1000
print(R, C)
print("\n".join("".join("#" if rng.random() < 0.55 else "." for _ in range(C)) for _ in range(R)))
