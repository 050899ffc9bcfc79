#!/usr/bin/env bash
# Pod Security conformance: every fixture of the official pod-security-admission
# library (../shared/conformance/psa) must get the library's verdict at its level
# and policy version. Prints `N/4537 agree`; fails on any disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f ../shared/conformance/psa/INDEX.tsv ]; then
  echo "psa-conformance: ../shared/conformance/psa/INDEX.tsv not found" >&2
  exit 1
fi
cargo test --test psa_conformance -- --ignored --nocapture 2>&1 | grep -E 'agree|disagreement|expected|panicked|test result'
exit "${PIPESTATUS[0]}"
