use std::io::{self, Read};

/// Return true if every bracket in s is closed by its own type, properly nested.
fn is_balanced(s: &[u8]) -> bool {
    let _ = s;
    false
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let _n: usize = it.next().unwrap().parse().unwrap();
    let s = it.next().unwrap_or("");
    println!("{}", if is_balanced(s.as_bytes()) { "YES" } else { "NO" });
}
