package main

import (
	"bufio"
	"fmt"
	"os"
)

// thresholdSum returns the sum, over arrivals k..n, of the k-th largest score received so far.
func thresholdSum(a []int64, k int) int64 {
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
	fmt.Println(thresholdSum(a, k))
}
