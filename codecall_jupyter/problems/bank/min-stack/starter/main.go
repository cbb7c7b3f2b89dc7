package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

type MinStack struct {
	// Add the fields you need.
}

// Push puts x on top of the stack.
func (s *MinStack) Push(x int64) {
}

// Pop removes the element on top of the stack.
func (s *MinStack) Pop() {
}

// Top returns the element on top of the stack.
func (s *MinStack) Top() int64 {
	return 0
}

// Min returns the smallest element in the stack.
func (s *MinStack) Min() int64 {
	return 0
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Split(bufio.ScanWords)
	next := func() string {
		sc.Scan()
		return sc.Text()
	}
	q, _ := strconv.Atoi(next())
	stack := &MinStack{}
	var minSum, topSum int64
	for i := 0; i < q; i++ {
		switch next() {
		case "push":
			x, _ := strconv.ParseInt(next(), 10, 64)
			stack.Push(x)
		case "pop":
			stack.Pop()
		case "top":
			topSum += stack.Top()
		default:
			minSum += stack.Min()
		}
	}
	fmt.Println(minSum, topSum)
}
