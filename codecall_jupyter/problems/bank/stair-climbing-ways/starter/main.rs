use std::io::{self, Read};

/// The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1_000_000_007.
fn count_ways(n: usize) -> u64 {
    let _ = n;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    println!("{}", count_ways(n));
}
