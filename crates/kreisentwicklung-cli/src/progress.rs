//! A tiny progress bar on standard error.
//!
//! Hand-written rather than `indicatif`: the tool needs one bar that is
//! redrawn between files, nothing more, and forty lines of code cost less
//! than four more crates in every build of the workspace.
//!
//! The bar only shows when standard error is a terminal and the work has
//! taken longer than [`DELAY`], so quick runs and scripts see nothing.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long the work must run before the bar appears.
pub const DELAY: Duration = Duration::from_millis(300);

/// Width of the bar in characters.
const WIDTH: usize = 30;

/// A progress bar over `total` items.
#[derive(Debug)]
pub struct Progress {
    total: usize,
    done: usize,
    started: Instant,
    enabled: bool,
    drawn: bool,
}

impl Progress {
    /// A bar over `total` items, shown only if standard error is a terminal
    /// and there is more than one item.
    pub fn new(total: usize) -> Self {
        Progress {
            total,
            done: 0,
            started: Instant::now(),
            enabled: total > 1 && std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    /// Marks the next item as being worked on.
    pub fn start_item(&mut self, label: &str) {
        self.draw(label);
    }

    /// Marks an item as done.
    pub fn finish_item(&mut self) {
        self.done = (self.done + 1).min(self.total);
        self.draw("");
    }

    /// Prints a line on standard error without garbling the bar.
    pub fn println(&mut self, line: &str) {
        self.clear();
        crate::say!("{line}");
    }

    /// Removes the bar.
    pub fn clear(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }

    fn draw(&mut self, label: &str) {
        if !self.enabled || self.started.elapsed() < DELAY {
            return;
        }
        let filled = (self.done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        let label: String = label.chars().take(40).collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{}{}] {}/{} {}",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            self.done,
            self.total,
            label
        );
        let _ = err.flush();
        self.drawn = true;
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
