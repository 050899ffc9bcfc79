#!/usr/bin/env bash
# Prints the paths of the 1,000 real manifests the validator benchmarks use:
# the Pod Security Admission library's fixtures (latest policy version first,
# then older ones) and kubetutor's own valid fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
psa=../shared/conformance/psa
{
  ls tests/fixtures/manifests/valid/*.yaml
  find "$psa/baseline/v1.37" "$psa/restricted/v1.37" -name '*.yaml' | sort
  find "$psa" -name '*.yaml' -not -path '*/v1.37/*' | sort
} | head -n 1000
