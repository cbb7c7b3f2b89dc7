package main

import (
	"bufio"
	"fmt"
	"os"
)

// longestRise is the length of the longest strictly increasing subsequence of a.
func longestRise(a []int64) int {
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
	fmt.Println(longestRise(a))
}
