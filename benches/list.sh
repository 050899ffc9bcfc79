#!/usr/bin/env bash
# Wall time of `kubetutor list` (release build), measured with hyperfine.
# Usage: benches/list.sh        (installs hyperfine through apt when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --quiet
export KUBETUTOR_HOME="$(mktemp -d)"
hyperfine --warmup 20 --runs 200 -N \
  './target/release/kubetutor list' \
  './target/release/kubetutor --lang ja list --format json' \
  './target/release/kubetutor pack lint'
