use std::io::{self, Read};

/// The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
fn sum_of_positions(a: &[i64], queries: &[i64]) -> i64 {
    let _ = (a, queries);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.by_ref().take(n).collect();
    let q = it.next().unwrap() as usize;
    let queries: Vec<i64> = it.take(q).collect();
    println!("{}", sum_of_positions(&a, &queries));
}
