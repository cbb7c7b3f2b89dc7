use std::io::{self, Read};

/// Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2).
fn tree_diameter(n: usize, parent: &[usize], weight: &[i64]) -> i64 {
    let _ = (n, parent, weight);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let mut parent = vec![0usize; n + 1]; // index 0 and 1 are unused
    let mut weight = vec![0i64; n + 1];
    for v in 2..=n {
        parent[v] = it.next().unwrap().parse().unwrap();
    }
    for v in 2..=n {
        weight[v] = it.next().unwrap().parse().unwrap();
    }
    println!("{}", tree_diameter(n, &parent, &weight));
}
