package main

import (
	"bufio"
	"fmt"
	"os"
)

// countIslands returns the number of groups of '#' cells connected up, down, left or right.
func countIslands(grid []string) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var rows, cols int
	fmt.Fscan(in, &rows, &cols)
	grid := make([]string, rows) // rows of '#' (land) and '.' (water)
	for r := range grid {
		fmt.Fscan(in, &grid[r])
	}
	fmt.Println(countIslands(grid))
}
