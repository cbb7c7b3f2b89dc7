use std::io::{self, Read};

/// Return the sum, over arrivals k..n, of the k-th largest score received so far.
fn threshold_sum(a: &[i64], k: usize) -> i64 {
    let _ = (a, k);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let k = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", threshold_sum(&a, k));
}
