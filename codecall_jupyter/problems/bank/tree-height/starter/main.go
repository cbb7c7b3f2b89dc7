package main

import (
	"bufio"
	"fmt"
	"os"
)

// treeHeight returns the number of nodes on the longest root-to-leaf path;
// parent[v] is the parent of node v (2 <= v <= n).
func treeHeight(n int, parent []int) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	parent := make([]int, n+1) // parent[0] and parent[1] are unused
	for v := 2; v <= n; v++ {
		fmt.Fscan(in, &parent[v])
	}
	fmt.Println(treeHeight(n, parent))
}
