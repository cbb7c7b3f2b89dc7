package main

import (
	"bufio"
	"fmt"
	"os"
)

// mergeBookings merges overlapping bookings {l, r}; it returns the number of blocks and
// the total time they cover.
func mergeBookings(bookings [][2]int64) (int64, int64) {
	return 0, 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	bookings := make([][2]int64, n)
	for i := range bookings {
		fmt.Fscan(in, &bookings[i][0], &bookings[i][1])
	}
	blocks, covered := mergeBookings(bookings)
	fmt.Println(blocks, covered)
}
