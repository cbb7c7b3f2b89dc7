use std::io::{self, Read};

struct MinStack {
    // Add the fields you need.
}

impl MinStack {
    /// An empty stack.
    fn new() -> Self {
        MinStack {}
    }

    /// Put x on top of the stack.
    fn push(&mut self, x: i64) {
        let _ = x;
    }

    /// Remove the element on top of the stack.
    fn pop(&mut self) {}

    /// The element on top of the stack.
    fn top(&self) -> i64 {
        0
    }

    /// The smallest element in the stack.
    fn min(&self) -> i64 {
        0
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let q: usize = it.next().unwrap().parse().unwrap();
    let mut stack = MinStack::new();
    let (mut min_sum, mut top_sum) = (0i64, 0i64);
    for _ in 0..q {
        match it.next().unwrap() {
            "push" => {
                let x: i64 = it.next().unwrap().parse().unwrap();
                stack.push(x);
            }
            "pop" => stack.pop(),
            "top" => top_sum += stack.top(),
            _ => min_sum += stack.min(),
        }
    }
    println!("{} {}", min_sum, top_sum);
}
