package main

import (
	"bufio"
	"fmt"
	"os"
)

// lcaSum returns the sum over the queries {u, v} of the lowest common ancestor;
// parent[v] is the parent of node v (2 <= v <= n).
func lcaSum(n int, parent []int, queries [][2]int) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, q int
	fmt.Fscan(in, &n)
	parent := make([]int, n+1) // parent[0] and parent[1] are unused
	for v := 2; v <= n; v++ {
		fmt.Fscan(in, &parent[v])
	}
	fmt.Fscan(in, &q)
	queries := make([][2]int, q)
	for i := range queries {
		fmt.Fscan(in, &queries[i][0], &queries[i][1])
	}
	fmt.Println(lcaSum(n, parent, queries))
}
