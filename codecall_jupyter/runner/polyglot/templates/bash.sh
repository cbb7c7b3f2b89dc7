read -r name || true
echo "Hello, ${name:-world}!"
