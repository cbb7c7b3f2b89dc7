package main

import (
	"bufio"
	"fmt"
	"os"
)

// isBalanced reports whether every bracket in s is closed by its own type, properly nested.
func isBalanced(s string) bool {
	return false
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var s string
	fmt.Fscan(in, &n, &s)
	if isBalanced(s) {
		fmt.Println("YES")
	} else {
		fmt.Println("NO")
	}
}
