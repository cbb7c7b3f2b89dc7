package main

import (
	"bufio"
	"fmt"
	"os"
)

// countPairs counts the pairs i < j with a[i] + a[j] == target.
func countPairs(a []int64, target int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var target int64
	fmt.Fscan(in, &n, &target)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	fmt.Println(countPairs(a, target))
}
