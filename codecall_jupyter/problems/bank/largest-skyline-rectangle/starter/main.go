package main

import (
	"bufio"
	"fmt"
	"os"
)

// largestRectangle returns the largest area of a rectangle standing on the ground under the skyline h.
func largestRectangle(h []int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	h := make([]int64, n)
	for i := range h {
		fmt.Fscan(in, &h[i])
	}
	fmt.Println(largestRectangle(h))
}
