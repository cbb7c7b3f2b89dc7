package main

import (
	"bufio"
	"fmt"
	"os"
)

// zeroTriplets counts the different value trios x <= y <= z, from three positions of a, with x + y + z == 0.
func zeroTriplets(a []int64) int64 {
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
	fmt.Println(zeroTriplets(a))
}
