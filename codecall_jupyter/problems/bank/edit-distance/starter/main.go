package main

import (
	"bufio"
	"fmt"
	"os"
)

// editDistance is the fewest single-letter insertions, deletions and replacements that
// turn s into t.
func editDistance(s, t string) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var s, t string
	fmt.Fscan(in, &s, &t)
	fmt.Println(editDistance(s, t))
}
