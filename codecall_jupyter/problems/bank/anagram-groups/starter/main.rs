use std::io::{self, Read};

/// Return (number of anagram groups, size of the largest group).
fn anagram_groups(words: &[&str]) -> (usize, usize) {
    let _ = words;
    (0, 0)
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let words: Vec<&str> = it.take(n).collect();
    let (count, largest) = anagram_groups(&words);
    println!("{} {}", count, largest);
}
