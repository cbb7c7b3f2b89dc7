use std::io::{self, Read};

/// Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
fn shortest_path(grid: &[Vec<u8>]) -> i64 {
    let _ = grid;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let rows: usize = it.next().unwrap().parse().unwrap();
    let _cols: usize = it.next().unwrap().parse().unwrap();
    // rows of b'.', b'#', b'S' and b'E'
    let grid: Vec<Vec<u8>> = (0..rows).map(|_| it.next().unwrap().as_bytes().to_vec()).collect();
    println!("{}", shortest_path(&grid));
}
