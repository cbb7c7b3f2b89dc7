use std::io::{self, Read};

/// Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
fn longest_run(a: &[i64]) -> usize {
    let _ = a;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", longest_run(&a));
}
