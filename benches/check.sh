#!/usr/bin/env bash
# Throughput of `kubetutor check` against `kubernetes-validate --strict` on the
# same 1,000 manifests, in one run each (best of 3), and the ratio.
# Installs kubernetes-validate into a venv under target/ on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/bench-venv
if [ ! -x "$venv/bin/kubernetes-validate" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet kubernetes-validate
fi
cargo build --release --quiet
mapfile -t files < <(benches/manifests.sh)
echo "manifests: ${#files[@]}"
best() {
  local best_ns=0
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    local took=$((end - start))
    if [ "$best_ns" -eq 0 ] || [ "$took" -lt "$best_ns" ]; then best_ns=$took; fi
  done
  echo "$best_ns"
}
kv=$(best "$venv/bin/kubernetes-validate" --strict --quiet "${files[@]}")
kt=$(best ./target/release/kubetutor check --format json "${files[@]}")
awk -v kv="$kv" -v kt="$kt" -v n="${#files[@]}" 'BEGIN {
  printf "kubernetes-validate --strict: %8.1f ms  (%7.0f manifests/s)\n", kv/1e6, n/(kv/1e9)
  printf "kubetutor check:              %8.1f ms  (%7.0f manifests/s)\n", kt/1e6, n/(kt/1e9)
  printf "ratio: kubetutor is %.0fx faster\n", kv/kt
}'
