use std::io::{self, Read};

/// The largest sum of elements of a with no two of them adjacent.
fn best_harvest(a: &[i64]) -> i64 {
    let _ = a;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", best_harvest(&a));
}
