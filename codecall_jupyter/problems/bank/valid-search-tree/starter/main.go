package main

import (
	"bufio"
	"fmt"
	"os"
)

// isSearchTree reports whether the tree rooted at node 1 is a strict binary search
// tree; left[i] and right[i] are node i's children, 0 when missing.
func isSearchTree(n int, value []int64, left, right []int) bool {
	return false
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	value := make([]int64, n+1) // index 0 is unused: nodes are 1..n
	left := make([]int, n+1)
	right := make([]int, n+1)
	for i := 1; i <= n; i++ {
		fmt.Fscan(in, &value[i], &left[i], &right[i])
	}
	if isSearchTree(n, value, left, right) {
		fmt.Println("YES")
	} else {
		fmt.Println("NO")
	}
}
