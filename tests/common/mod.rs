//! What the binary-level tests share: the built `kubetutor` with a private
//! data directory, the C locale and no colour, so output is the same on
//! every machine.

use assert_cmd::Command;

/// The built binary, isolated from the user's home, locale and terminal.
pub fn kubetutor() -> Command {
    let mut command = Command::cargo_bin("kubetutor").expect("binary is built");
    command
        .env("KUBETUTOR_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    command
}
