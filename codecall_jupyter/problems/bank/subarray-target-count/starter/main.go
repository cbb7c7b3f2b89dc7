package main

import (
	"bufio"
	"fmt"
	"os"
)

// countRuns counts the runs of consecutive elements of a (non-empty) that sum to exactly k.
func countRuns(a []int64, k int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var k int64
	fmt.Fscan(in, &n, &k)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	fmt.Println(countRuns(a, k))
}
