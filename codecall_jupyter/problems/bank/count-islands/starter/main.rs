use std::io::{self, Read};

/// Number of groups of '#' cells connected up, down, left or right.
fn count_islands(grid: &[Vec<u8>]) -> usize {
    let _ = grid;
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let rows: usize = it.next().unwrap().parse().unwrap();
    let _cols: usize = it.next().unwrap().parse().unwrap();
    // rows of b'#' (land) and b'.' (water)
    let grid: Vec<Vec<u8>> = (0..rows).map(|_| it.next().unwrap().as_bytes().to_vec()).collect();
    println!("{}", count_islands(&grid));
}
