package main

import (
	"bufio"
	"fmt"
	"os"
)

// maxSubarraySum returns the largest sum of a non-empty run of consecutive elements of a.
func maxSubarraySum(a []int64) int64 {
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
	fmt.Println(maxSubarraySum(a))
}
