use std::io::{self, Read};

/// The smallest pace k with sum of ceil(p / k) over all documents at most h.
fn slowest_pace(pages: &[i64], h: i64) -> i64 {
    let _ = (pages, h);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let h = it.next().unwrap();
    let pages: Vec<i64> = it.take(n).collect();
    println!("{}", slowest_pace(&pages, h));
}
