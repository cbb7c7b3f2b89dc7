use std::io::{self, Read};

/// Return the minimum number of rooms that hosts every meeting [s, e).
fn rooms_needed(meetings: &[(i64, i64)]) -> usize {
    let _ = meetings;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let meetings: Vec<(i64, i64)> = (0..n).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    println!("{}", rooms_needed(&meetings));
}
