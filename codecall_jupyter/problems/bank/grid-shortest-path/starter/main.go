package main

import (
	"bufio"
	"fmt"
	"os"
)

// shortestPath returns the fewest up/down/left/right steps from 'S' to 'E' avoiding '#',
// or -1 if 'E' cannot be reached.
func shortestPath(grid []string) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var rows, cols int
	fmt.Fscan(in, &rows, &cols)
	grid := make([]string, rows) // rows of '.', '#', 'S' and 'E'
	for r := range grid {
		fmt.Fscan(in, &grid[r])
	}
	fmt.Println(shortestPath(grid))
}
