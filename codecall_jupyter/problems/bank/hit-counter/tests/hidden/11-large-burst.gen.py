# A burst: 1.5·10^5 hits within one minute, then 1.5·10^5 counts while the window still
# holds most of them.
q = 300_000
half = q // 2
lines = [str(q)]
for i in range(half):
    lines.append(f"hit {1000 + i * 60 // half}")
for i in range(half):
    lines.append(f"count {1060 + i * 300 // half}")
print("\n".join(lines))
