#!/usr/bin/env bash
# Every deployment check, one after the other (docs/operations.md says what each covers):
#   deploy/check.sh [compose] [k8s] [prometheus] [grafana-queries]     (default: all)
# The Grafana check needs the platform: it starts `./voc up --observability` when it is not running.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

checks=("$@")
((${#checks[@]} > 0)) || checks=(compose k8s prometheus grafana-queries)
failed=()
for check in "${checks[@]}"; do
    [[ -f "deploy/checks/$check.sh" ]] || { echo "unknown check $check"; exit 2; }
    printf '\n== %s\n' "$check"
    bash "deploy/checks/$check.sh" || failed+=("$check")
done
echo
if ((${#failed[@]})); then
    echo "deployment checks failed: ${failed[*]}"
    exit 1
fi
echo "deployment checks passed: ${checks[*]}"
