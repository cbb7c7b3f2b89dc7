use std::io::{self, Read};

/// Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
fn count_runs(a: &[i64], k: i64) -> i64 {
    let _ = (a, k);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let k = it.next().unwrap();
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", count_runs(&a, k));
}
