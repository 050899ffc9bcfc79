#!/usr/bin/env bash
# How many of the invalid fixture documents each validator rejects: every
# document of tests/fixtures/manifests/invalid/*.yaml that declares an
# expected error (`# expect:`) is written to its own file and checked by
# `kubernetes-validate --strict` and by `kubetutor check`.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/bench-venv
if [ ! -x "$venv/bin/kubernetes-validate" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet kubernetes-validate
fi
cargo build --release --quiet
work=$(mktemp -d)
python3 - "$work" <<'PY'
import glob, os, re, sys
out = sys.argv[1]
n = 0
for path in sorted(glob.glob("tests/fixtures/manifests/invalid/*.yaml")):
    docs = re.split(r"(?m)^---\s*$", open(path).read())
    for i, doc in enumerate(docs):
        if "# expect:" not in doc:
            continue
        n += 1
        name = os.path.basename(path)[:-5]
        open(os.path.join(out, f"{name}-{i:02}.yaml"), "w").write(doc)
print(n, "documents")
PY
kv=0; kt=0; total=0
for file in "$work"/*.yaml; do
  total=$((total + 1))
  if ! "$venv/bin/kubernetes-validate" --strict --quiet "$file" >/dev/null 2>&1; then kv=$((kv + 1)); fi
  if ! ./target/release/kubetutor check "$file" >/dev/null 2>&1; then kt=$((kt + 1)); fi
done
echo "invalid documents rejected: kubernetes-validate --strict $kv/$total, kubetutor check $kt/$total"
rm -rf "$work"
