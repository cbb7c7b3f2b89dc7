package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

type HitCounter struct {
	// Add the fields you need.
}

// Hit records a request at second t (t never decreases between calls).
func (c *HitCounter) Hit(t int64) {
}

// Count returns the number of hits with a time in (t - 300, t].
func (c *HitCounter) Count(t int64) int64 {
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
	counter := &HitCounter{}
	var answer int64
	for i := 0; i < q; i++ {
		op := next()
		t, _ := strconv.ParseInt(next(), 10, 64)
		if op == "hit" {
			counter.Hit(t)
		} else {
			answer += counter.Count(t)
		}
	}
	fmt.Println(answer)
}
