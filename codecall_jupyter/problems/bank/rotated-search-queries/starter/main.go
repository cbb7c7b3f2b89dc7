package main

import (
	"bufio"
	"fmt"
	"os"
)

// sumOfPositions is the sum over the queries of the index of each value in the rotated
// sorted a (-1 if absent).
func sumOfPositions(a []int64, queries []int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, q int
	fmt.Fscan(in, &n)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	fmt.Fscan(in, &q)
	queries := make([]int64, q)
	for i := range queries {
		fmt.Fscan(in, &queries[i])
	}
	fmt.Println(sumOfPositions(a, queries))
}
