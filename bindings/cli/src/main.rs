//! The `tiepcan` command.
fn main() {}
