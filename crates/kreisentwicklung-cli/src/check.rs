//! `kreisentwicklung check`: the health report of a concept.

use crate::cli::CheckArgs;
use crate::Failure;

/// Runs `check`.
pub fn run(args: CheckArgs) -> Result<u8, Failure> {
    let _ = args;
    Err(Failure::invalid("check is not available yet"))
}
