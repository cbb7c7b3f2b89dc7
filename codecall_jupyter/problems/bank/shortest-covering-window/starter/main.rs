use std::io::{self, Read};

/// Return the length of the shortest substring of s holding every character of t
/// (with multiplicity), or 0 if there is none.
fn shortest_cover(s: &[u8], t: &[u8]) -> usize {
    let _ = (s, t);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let s = it.next().unwrap();
    let t = it.next().unwrap();
    println!("{}", shortest_cover(s.as_bytes(), t.as_bytes()));
}
