use std::io::{self, Read};

/// Count the different value trios x <= y <= z, from three positions of a, with x + y + z == 0.
fn zero_triplets(a: &[i64]) -> i64 {
    let _ = a;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", zero_triplets(&a));
}
