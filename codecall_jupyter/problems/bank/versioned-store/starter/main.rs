use std::io::{self, Read};

struct VersionedStore {
    // Add the fields you need.
}

impl VersionedStore {
    /// An empty store.
    fn new() -> Self {
        VersionedStore {}
    }

    /// Record that key took value at time timestamp (a key's timestamps only grow).
    fn set(&mut self, key: &str, value: i64, timestamp: i64) {
        let _ = (key, value, timestamp);
    }

    /// The value of key's version with the largest timestamp <= t, or -1 if there is none.
    fn get(&self, key: &str, t: i64) -> i64 {
        let _ = (key, t);
        -1
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let q: usize = it.next().unwrap().parse().unwrap();
    let mut store = VersionedStore::new();
    let mut total: i64 = 0;
    for _ in 0..q {
        let op = it.next().unwrap();
        let key = it.next().unwrap();
        if op == "set" {
            let value: i64 = it.next().unwrap().parse().unwrap();
            let timestamp: i64 = it.next().unwrap().parse().unwrap();
            store.set(key, value, timestamp);
        } else {
            let t: i64 = it.next().unwrap().parse().unwrap();
            total += store.get(key, t);
        }
    }
    println!("{}", total);
}
