use std::io::{self, Read};

/// Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (2 <= v <= n).
fn tree_height(n: usize, parent: &[usize]) -> usize {
    let _ = (n, parent);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let mut parent = vec![0usize; n + 1]; // parent[0] and parent[1] are unused
    for v in 2..=n {
        parent[v] = it.next().unwrap();
    }
    println!("{}", tree_height(n, &parent));
}
