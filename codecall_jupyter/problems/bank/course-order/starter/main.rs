use std::io::{self, Read};

/// The lexicographically smallest valid order of courses 1..n, or an empty Vec if none.
/// rules[i] = (a, b): course a must come before course b.
fn course_order(n: usize, rules: &[(usize, usize)]) -> Vec<usize> {
    let _ = (n, rules);
    Vec::new()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let m = it.next().unwrap();
    let rules: Vec<(usize, usize)> = (0..m).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    let order = course_order(n, &rules);
    if order.is_empty() {
        println!("-1");
    } else {
        let mut checksum: u64 = 0;
        for (i, &c) in order.iter().enumerate() {
            checksum = (checksum + (i as u64 + 1) * c as u64) % 1_000_000_007;
        }
        println!("{}", checksum);
    }
}
