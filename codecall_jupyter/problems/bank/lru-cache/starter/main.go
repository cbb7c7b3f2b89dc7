package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

type LRUCache struct {
	capacity int
	// Add the fields you need.
}

// NewLRUCache makes a cache that holds at most capacity keys.
func NewLRUCache(capacity int) *LRUCache {
	return &LRUCache{capacity: capacity}
}

// Get returns the value under key (key becomes the most recently used), or -1 if it is absent.
func (c *LRUCache) Get(key int) int {
	return -1
}

// Put stores value under key (now the most recently used); it evicts the least recently
// used key when the cache holds more than capacity keys.
func (c *LRUCache) Put(key int, value int) {
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Split(bufio.ScanWords)
	next := func() string {
		sc.Scan()
		return sc.Text()
	}
	nextInt := func() int {
		v, _ := strconv.Atoi(next())
		return v
	}
	capacity := nextInt()
	q := nextInt()
	cache := NewLRUCache(capacity)
	var total int64
	for i := 0; i < q; i++ {
		op := next()
		key := nextInt()
		if op == "put" {
			cache.Put(key, nextInt())
		} else {
			total += int64(cache.Get(key))
		}
	}
	fmt.Println(total)
}
