use std::io::{self, Read};

/// Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
fn widest_reservoir(h: &[i64]) -> i64 {
    let _ = h;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let h: Vec<i64> = it.take(n).collect();
    println!("{}", widest_reservoir(&h));
}
