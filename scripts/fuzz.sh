#!/usr/bin/env bash
# Fuzzes `check` and `grade` with cargo-fuzz (libFuzzer), seeded with the
# real manifests of the test fixtures, the exercises and the Pod Security
# conformance fixtures. Usage: scripts/fuzz.sh [RUNS_PER_TARGET]  (default 5,000,000)
# Needs: cargo install cargo-fuzz. The machine's stable toolchain builds the
# targets with RUSTC_BOOTSTRAP=1 (libFuzzer needs unstable codegen flags).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5000000}"
for target in check grade; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  find tests/fixtures/manifests lessons/exercises -name '*.yaml' -exec cp {} "$corpus"/ \;
  if [ -d ../shared/conformance ]; then
    # The Pod Security fixtures: real Pods and workloads, good and bad.
    while read -r f; do
      cp "$f" "$corpus/psa-$(echo "$f" | md5sum | cut -c1-12).yaml"
    done < <(find ../shared/conformance -name '*.yaml')
  fi
  cp tests/fixtures/fuzz/* "$corpus"/ 2>/dev/null || true
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -runs="$runs" -timeout=1 -max_len=65536 -print_final_stats=1) 2>&1 | tail -25
done
