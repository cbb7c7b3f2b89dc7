package main

import (
	"bufio"
	"fmt"
	"os"
)

// widestReservoir returns the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
func widestReservoir(h []int64) int64 {
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
	fmt.Println(widestReservoir(h))
}
