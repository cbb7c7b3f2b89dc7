use std::io::{self, Read};

/// True if the tree rooted at node 1 is a strict binary search tree (0 = no child).
fn is_search_tree(n: usize, value: &[i64], left: &[usize], right: &[usize]) -> bool {
    let _ = (n, value, left, right);
    false
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let mut value = vec![0i64; n + 1]; // index 0 is unused: nodes are 1..n
    let mut left = vec![0usize; n + 1];
    let mut right = vec![0usize; n + 1];
    for i in 1..=n {
        value[i] = it.next().unwrap().parse().unwrap();
        left[i] = it.next().unwrap().parse().unwrap();
        right[i] = it.next().unwrap().parse().unwrap();
    }
    println!("{}", if is_search_tree(n, &value, &left, &right) { "YES" } else { "NO" });
}
