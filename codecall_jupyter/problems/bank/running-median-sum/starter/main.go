package main

import (
	"bufio"
	"fmt"
	"os"
)

// medianSum returns the sum of the lower medians of a[0..i] for every i.
func medianSum(a []int64) int64 {
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
	fmt.Println(medianSum(a))
}
