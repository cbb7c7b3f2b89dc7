use std::io::{self, Read};

/// The two values that appear once in a (every other value appears twice), smaller first.
fn lonely_pair(a: &[i64]) -> (i64, i64) {
    let _ = a;
    (0, 0)
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let a: Vec<i64> = it.take(n).collect();
    let (x, y) = lonely_pair(&a);
    println!("{} {}", x, y);
}
