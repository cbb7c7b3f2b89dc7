package main

import (
	"bufio"
	"fmt"
	"os"
)

// roomsNeeded returns the minimum number of rooms that hosts every meeting {s, e} = [s, e).
func roomsNeeded(meetings [][2]int64) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	meetings := make([][2]int64, n)
	for i := range meetings {
		fmt.Fscan(in, &meetings[i][0], &meetings[i][1])
	}
	fmt.Println(roomsNeeded(meetings))
}
