package main

import (
	"bufio"
	"fmt"
	"os"
)

// longestRun returns the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
func longestRun(a []int64) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	fmt.Println(longestRun(a))
}
