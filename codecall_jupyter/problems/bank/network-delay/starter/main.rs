use std::io::{self, Read};

/// Time at which every server has heard the alert sent by server 1, or -1 if some never
/// does. links[i] = (u, v, w): a one-way link from u to v taking w.
fn network_delay(n: usize, links: &[(usize, usize, i64)]) -> i64 {
    let _ = (n, links);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let m: usize = it.next().unwrap().parse().unwrap();
    let links: Vec<(usize, usize, i64)> = (0..m)
        .map(|_| {
            let u = it.next().unwrap().parse().unwrap();
            let v = it.next().unwrap().parse().unwrap();
            let w = it.next().unwrap().parse().unwrap();
            (u, v, w)
        })
        .collect();
    println!("{}", network_delay(n, &links));
}
