package main

import (
	"bufio"
	"fmt"
	"os"
)

// longestDistinct returns the length of the longest substring of s with no repeated character.
func longestDistinct(s string) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var s string
	fmt.Fscan(in, &s)
	fmt.Println(longestDistinct(s))
}
