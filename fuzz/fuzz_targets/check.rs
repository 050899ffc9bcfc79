//! Any bytes as a manifest: `kubetutor check` must answer, never panic or hang.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kubetutor::validate::check_bytes(data);
});
