use std::io::{self, Read};

struct HitCounter {
    // Add the fields you need.
}

impl HitCounter {
    /// A counter with no hits yet.
    fn new() -> Self {
        HitCounter {}
    }

    /// A request arrived at second t (t never decreases between calls).
    fn hit(&mut self, t: i64) {
        let _ = t;
    }

    /// The number of hits with a time in (t - 300, t].
    fn count(&mut self, t: i64) -> i64 {
        let _ = t;
        0
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let q: usize = it.next().unwrap().parse().unwrap();
    let mut counter = HitCounter::new();
    let mut answer: i64 = 0;
    for _ in 0..q {
        let op = it.next().unwrap();
        let t: i64 = it.next().unwrap().parse().unwrap();
        if op == "hit" {
            counter.hit(t);
        } else {
            answer += counter.count(t);
        }
    }
    println!("{}", answer);
}
