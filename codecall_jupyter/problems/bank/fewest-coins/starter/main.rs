use std::io::{self, Read};

/// The fewest coins (each value usable any number of times) summing to amount, or -1.
fn fewest_coins(coins: &[usize], amount: usize) -> i64 {
    let _ = (coins, amount);
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<usize>().unwrap());
    let k = it.next().unwrap();
    let amount = it.next().unwrap();
    let coins: Vec<usize> = it.take(k).collect();
    println!("{}", fewest_coins(&coins, amount));
}
