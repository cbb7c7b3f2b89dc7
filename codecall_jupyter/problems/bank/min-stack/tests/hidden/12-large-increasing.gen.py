# Increasing values: the minimum stays at the bottom while the stack grows and shrinks.
q = 200_000
lines = [str(q)]
for i in range(q // 2):
    lines.append(f"push {2 * i - 10**9}")
for i in range(q // 2):
    lines.append("min" if i % 3 else "top")
print("\n".join(lines))
