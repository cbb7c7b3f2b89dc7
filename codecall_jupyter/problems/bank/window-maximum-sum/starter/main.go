package main

import (
	"bufio"
	"fmt"
	"os"
)

// windowMaxSum returns the sum of the maxima of all windows of k consecutive values of a.
func windowMaxSum(a []int64, k int) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, k int
	fmt.Fscan(in, &n, &k)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	fmt.Println(windowMaxSum(a, k))
}
