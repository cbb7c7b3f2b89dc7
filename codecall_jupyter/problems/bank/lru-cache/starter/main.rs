use std::io::{self, Read};

struct LRUCache {
    capacity: usize,
    // Add the fields you need.
}

impl LRUCache {
    /// A cache that holds at most `capacity` keys.
    fn new(capacity: usize) -> Self {
        LRUCache { capacity }
    }

    /// The value under key (key becomes the most recently used), or -1 if it is absent.
    fn get(&mut self, key: i64) -> i64 {
        let _ = (key, self.capacity);
        -1
    }

    /// Store value under key (now the most recently used); evict the least recently used
    /// key when the cache holds more than `capacity` keys.
    fn put(&mut self, key: i64, value: i64) {
        let _ = (key, value);
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let capacity: usize = it.next().unwrap().parse().unwrap();
    let q: usize = it.next().unwrap().parse().unwrap();
    let mut cache = LRUCache::new(capacity);
    let mut total: i64 = 0;
    for _ in 0..q {
        let op = it.next().unwrap();
        let key: i64 = it.next().unwrap().parse().unwrap();
        if op == "put" {
            let value: i64 = it.next().unwrap().parse().unwrap();
            cache.put(key, value);
        } else {
            total += cache.get(key);
        }
    }
    println!("{}", total);
}
