package main

import (
	"bufio"
	"fmt"
	"os"
)

// totalWait returns the sum over all days of the days until a strictly warmer one (0 if never).
func totalWait(t []int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	t := make([]int64, n)
	for i := range t {
		fmt.Fscan(in, &t[i])
	}
	fmt.Println(totalWait(t))
}
