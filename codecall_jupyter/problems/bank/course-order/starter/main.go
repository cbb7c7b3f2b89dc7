package main

import (
	"bufio"
	"fmt"
	"os"
)

// courseOrder returns the lexicographically smallest valid order of courses 1..n, or an
// empty slice if there is none. rules[i] = {a, b}: course a must come before course b.
func courseOrder(n int, rules [][2]int) []int {
	return nil
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, m int
	fmt.Fscan(in, &n, &m)
	rules := make([][2]int, m)
	for i := range rules {
		fmt.Fscan(in, &rules[i][0], &rules[i][1])
	}
	order := courseOrder(n, rules)
	if len(order) == 0 {
		fmt.Println(-1)
		return
	}
	var checksum int64
	for i, c := range order {
		checksum = (checksum + int64(i+1)*int64(c)) % 1000000007
	}
	fmt.Println(checksum)
}
