use std::io::{self, Read};

/// The fewest single-letter insertions, deletions and replacements that turn s into t.
fn edit_distance(s: &[u8], t: &[u8]) -> usize {
    let _ = (s, t);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut words = input.split_ascii_whitespace();
    let s = words.next().unwrap().as_bytes();
    let t = words.next().unwrap().as_bytes();
    println!("{}", edit_distance(s, t));
}
