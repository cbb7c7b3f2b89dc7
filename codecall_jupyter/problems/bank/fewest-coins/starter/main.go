package main

import (
	"bufio"
	"fmt"
	"os"
)

// fewestCoins is the fewest coins (each value usable any number of times) summing to amount, or -1.
func fewestCoins(coins []int, amount int) int {
	return 0
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var k, amount int
	fmt.Fscan(in, &k, &amount)
	coins := make([]int, k)
	for i := range coins {
		fmt.Fscan(in, &coins[i])
	}
	fmt.Println(fewestCoins(coins, amount))
}
