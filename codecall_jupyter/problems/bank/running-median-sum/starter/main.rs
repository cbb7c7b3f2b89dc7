use std::io::{self, Read};

/// Return the sum of the lower medians of a[0..i] for every i.
fn median_sum(a: &[i64]) -> i64 {
    let _ = a;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    println!("{}", median_sum(&a));
}
