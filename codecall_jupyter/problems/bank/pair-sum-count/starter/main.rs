use std::io::{self, Read};

/// Count the pairs i < j with a[i] + a[j] == target.
fn count_pairs(a: &[i64], target: i64) -> i64 {
    let _ = (a, target);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let target = it.next().unwrap();
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", count_pairs(&a, target));
}
