use std::io::{self, Read};

/// Return the largest area of a rectangle standing on the ground under the skyline h.
fn largest_rectangle(h: &[i64]) -> i64 {
    let _ = h;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let h: Vec<i64> = it.take(n).collect();
    println!("{}", largest_rectangle(&h));
}
