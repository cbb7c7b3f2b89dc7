package main

import (
	"bufio"
	"fmt"
	"os"
)

// treeDiameter returns the largest distance between two nodes; the edge between v and
// parent[v] has length weight[v] (2 <= v <= n).
func treeDiameter(n int, parent []int, weight []int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	parent := make([]int, n+1) // index 0 and 1 are unused
	weight := make([]int64, n+1)
	for v := 2; v <= n; v++ {
		fmt.Fscan(in, &parent[v])
	}
	for v := 2; v <= n; v++ {
		fmt.Fscan(in, &weight[v])
	}
	fmt.Println(treeDiameter(n, parent, weight))
}
