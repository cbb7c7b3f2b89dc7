package main

import (
	"bufio"
	"fmt"
	"os"
)

// lonelyPair returns the two values that appear once in a (every other value appears
// twice), smaller first.
func lonelyPair(a []int64) (int64, int64) {
	return 0, 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	a := make([]int64, n)
	for i := range a {
		fmt.Fscan(in, &a[i])
	}
	x, y := lonelyPair(a)
	fmt.Println(x, y)
}
