package main

import (
	"bufio"
	"fmt"
	"os"
)

// countWays is the number of ways to climb n steps with moves of 1, 2 or 3, modulo 1000000007.
func countWays(n int) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	fmt.Println(countWays(n))
}
