package main

import (
	"bufio"
	"fmt"
	"os"
)

// slowestPace is the smallest pace k with sum of ceil(p / k) over all documents at most h.
func slowestPace(pages []int64, h int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var h int64
	fmt.Fscan(in, &n, &h)
	pages := make([]int64, n)
	for i := range pages {
		fmt.Fscan(in, &pages[i])
	}
	fmt.Println(slowestPace(pages, h))
}
