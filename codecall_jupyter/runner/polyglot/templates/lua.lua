local name = (io.read("a") or ""):match("^%s*(.-)%s*$")
if name == "" then name = "world" end
print("Hello, " .. name .. "!")
