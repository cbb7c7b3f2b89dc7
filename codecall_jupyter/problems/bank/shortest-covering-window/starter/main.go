package main

import (
	"bufio"
	"fmt"
	"os"
)

// shortestCover returns the length of the shortest substring of s holding every
// character of t (with multiplicity), or 0 if there is none.
func shortestCover(s, t string) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var s, t string
	fmt.Fscan(in, &s, &t)
	fmt.Println(shortestCover(s, t))
}
