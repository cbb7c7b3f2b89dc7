use std::io::{self, Read};

/// Return the sum over all days of the days until a strictly warmer one (0 if never).
fn total_wait(t: &[i64]) -> i64 {
    let _ = t;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let t: Vec<i64> = it.take(n).collect();
    println!("{}", total_wait(&t));
}
