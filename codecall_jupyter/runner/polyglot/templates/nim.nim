import std/strutils

var name = ""
try:
  name = stdin.readLine().strip()
except EOFError:
  discard
if name.len == 0:
  name = "world"
echo "Hello, ", name, "!"
