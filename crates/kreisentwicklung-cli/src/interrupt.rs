//! Ctrl-C and other polite signals: remove the temporary files being
//! written, then exit.
//!
//! An output is written to a temporary file beside it and renamed into
//! place when complete. Without this, Ctrl-C (SIGINT), SIGTERM or SIGHUP
//! would leave that hidden `.NAME.XXXXXXXX.tmp` file behind. `signal-hook`
//! runs the handler on an ordinary thread (its safe iterator API), so no
//! unsafe code is needed. `kill -9` cannot be caught: it can still leave
//! such a file, recognisable by its name; the old output stays intact.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files being written now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere must not keep the list from being cleaned.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Starts the thread that waits for SIGINT, SIGTERM and SIGHUP. On one,
/// it removes the live temporary files and exits with 128 + the signal's
/// number (130 for Ctrl-C), as a shell reports a process the signal ended.
pub fn install() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let files = live();
                    for path in files.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    // Exit with the list still locked: no new temporary
                    // file is registered after the clean-up.
                    std::process::exit(128 + signal);
                }
            });
    }
}

/// Removes its file from the list when dropped.
#[derive(Debug)]
pub struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        let mut files = live();
        if let Some(i) = files.iter().position(|p| *p == self.0) {
            files.swap_remove(i);
        }
    }
}

/// Registers a temporary file to be removed if a signal ends the process
/// while it exists.
pub fn remove_on_signal(path: &Path) -> Registered {
    live().push(path.to_path_buf());
    Registered(path.to_path_buf())
}
