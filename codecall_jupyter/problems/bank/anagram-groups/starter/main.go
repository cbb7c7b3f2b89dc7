package main

import (
	"bufio"
	"fmt"
	"os"
)

// anagramGroups returns the number of anagram groups and the size of the largest group.
func anagramGroups(words []string) (int, int) {
	return 0, 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	words := make([]string, n)
	for i := range words {
		fmt.Fscan(in, &words[i])
	}
	count, largest := anagramGroups(words)
	fmt.Println(count, largest)
}
