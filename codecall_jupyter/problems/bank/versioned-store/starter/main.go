package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

type VersionedStore struct {
	// Add the fields you need.
}

// Set records that key took value at time timestamp (a key's timestamps only grow).
func (s *VersionedStore) Set(key string, value int64, timestamp int64) {
}

// Get returns the value of key's version with the largest timestamp <= t, or -1 if there is none.
func (s *VersionedStore) Get(key string, t int64) int64 {
	return -1
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Split(bufio.ScanWords)
	next := func() string {
		sc.Scan()
		return sc.Text()
	}
	nextInt := func() int64 {
		v, _ := strconv.ParseInt(next(), 10, 64)
		return v
	}
	q := int(nextInt())
	store := &VersionedStore{}
	var total int64
	for i := 0; i < q; i++ {
		op := next()
		key := next()
		if op == "set" {
			value := nextInt()
			store.Set(key, value, nextInt())
		} else {
			total += store.Get(key, nextInt())
		}
	}
	fmt.Println(total)
}
