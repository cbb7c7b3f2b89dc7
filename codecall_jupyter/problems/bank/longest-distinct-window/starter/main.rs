use std::io::{self, Read};

/// Return the length of the longest substring of s with no repeated character.
fn longest_distinct(s: &[u8]) -> usize {
    let _ = s;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let s = input.trim();
    println!("{}", longest_distinct(s.as_bytes()));
}
