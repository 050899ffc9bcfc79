//! What commands read from files and standard input: manifests read with a
//! size limit, and answers read line by line on a thread so an exam's clock
//! can run out while the learner thinks.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::session::{Line, LineSource};
use crate::validate;

/// Reads a file (or standard input for `-`) up to one byte more than the
/// validator accepts, so a huge file or an endless stream (`/dev/zero`) is
/// refused without filling memory.
pub fn read_manifest(file: &Path) -> std::io::Result<Vec<u8>> {
    if file.as_os_str() == "-" {
        read_limited(std::io::stdin())
    } else {
        std::fs::File::open(file).and_then(read_limited)
    }
}

fn read_limited(reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    let limit = u64::try_from(validate::MAX_INPUT_BYTES).unwrap_or(u64::MAX) + 1;
    reader.take(limit).read_to_end(&mut buffer)?;
    Ok(buffer)
}

/// Answers typed or piped in, read on a thread, and Ctrl-C, which arrives
/// as [`Line::Interrupted`] instead of killing the process, so an exam is
/// left saved with the hint to resume it.
pub struct StdinLines(Receiver<Line>);

impl StdinLines {
    /// Starts reading standard input and catching Ctrl-C (SIGINT).
    pub fn spawn() -> StdinLines {
        let (sender, receiver) = mpsc::channel();
        let interrupts = sender.clone();
        std::thread::spawn(move || {
            for line in std::io::stdin().lines() {
                let Ok(line) = line else { break };
                if sender.send(Line::Text(line)).is_err() {
                    return;
                }
            }
            let _ = sender.send(Line::Eof);
        });
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT])
        {
            std::thread::spawn(move || {
                for _ in signals.forever() {
                    if interrupts.send(Line::Interrupted).is_err() {
                        break;
                    }
                }
            });
        }
        StdinLines(receiver)
    }
}

impl LineSource for StdinLines {
    fn next_line(&mut self, timeout: Option<Duration>) -> Line {
        let received = match timeout {
            Some(timeout) => self.0.recv_timeout(timeout),
            None => self.0.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(line) => line,
            Err(RecvTimeoutError::Timeout) => Line::TimedOut,
            Err(RecvTimeoutError::Disconnected) => Line::Eof,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'a');
        let read = read_limited(endless).unwrap();
        assert_eq!(read.len(), validate::MAX_INPUT_BYTES + 1);
    }
}
