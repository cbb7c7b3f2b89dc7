use std::io::{self, Read};

/// Merge overlapping bookings; return the number of blocks and the total time they cover.
fn merge_bookings(bookings: &[(i64, i64)]) -> (i64, i64) {
    let _ = bookings;
    (0, 0)
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|x| x.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let bookings: Vec<(i64, i64)> = (0..n).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    let (blocks, covered) = merge_bookings(&bookings);
    println!("{} {}", blocks, covered);
}
