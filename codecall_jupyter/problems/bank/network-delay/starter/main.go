package main

import (
	"bufio"
	"fmt"
	"os"
)

// networkDelay returns the time at which every server has heard the alert sent by
// server 1, or -1 if some never does. links[i] = {u, v, w}: u -> v taking w.
func networkDelay(n int, links [][3]int64) int64 {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, m int
	fmt.Fscan(in, &n, &m)
	links := make([][3]int64, m)
	for i := range links {
		fmt.Fscan(in, &links[i][0], &links[i][1], &links[i][2])
	}
	fmt.Println(networkDelay(n, links))
}
