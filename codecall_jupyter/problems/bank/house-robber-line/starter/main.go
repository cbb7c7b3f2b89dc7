package main

import (
	"bufio"
	"fmt"
	"os"
)

// bestHarvest is the largest sum of elements of a with no two of them adjacent.
func bestHarvest(a []int64) int64 {
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
	fmt.Println(bestHarvest(a))
}
