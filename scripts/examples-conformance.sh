#!/usr/bin/env bash
# Kubernetes docs examples: every file of ../shared/conformance/k8s-examples must
# get kubectl's verdict (INDEX.tsv). Prints `N/377 agree`; fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f ../shared/conformance/k8s-examples/INDEX.tsv ]; then
  echo "examples-conformance: ../shared/conformance/k8s-examples/INDEX.tsv not found" >&2
  exit 1
fi
cargo test --test k8s_examples -- --ignored --nocapture 2>&1 | grep -E 'agree|wrong|expected|panicked|test result'
exit "${PIPESTATUS[0]}"
