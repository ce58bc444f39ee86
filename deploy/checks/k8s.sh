#!/usr/bin/env bash
# Checks the Kubernetes manifests without a cluster: kustomize renders them, every rendered document is checked
# against the models of its kind (the Kubernetes API, Strimzi, CloudNativePG, the Prometheus Operator: types,
# required and unknown fields), the workloads against the platform's rules (deploy/checks/k8s-manifests.mjs),
# and deploy/k8s/prometheusrule.yaml against deploy/prometheus/rules/.
#
#   deploy/checks/k8s.sh     needs kubectl (for kustomize), node, and the npm packages below in .npm-tools/
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

packages=(kubernetes-models@5.1.0 @kubernetes-models/strimzi-kafka-operator@1.0.1
    @kubernetes-models/cloudnative-pg@2.0.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1 typescript@7.0.2)

failed=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }
skip() { printf 'SKIPPED  %s\n' "$*"; }

missing=()
for package in "${packages[@]}"; do
    [[ -f ".npm-tools/node_modules/${package%@*}/package.json" ]] || missing+=("${package%@*}")
done
if ! command -v node > /dev/null; then
    fail "node is missing: apt-get install nodejs npm"
    exit 1
elif ((${#missing[@]})); then
    fail "npm packages missing (${missing[*]}): npm install --no-audit --no-fund --prefix .npm-tools ${packages[*]}"
    exit 1
fi

generated="$(mktemp)"
rendered="$(mktemp)"
trap 'rm -f "$generated" "$rendered"' EXIT

if ! bash deploy/prometheus/to-prometheusrule.sh > "$generated" 2> "$generated.err"; then
    fail "prometheusrule: deploy/prometheus/to-prometheusrule.sh failed: $(cat "$generated.err")"
elif diff -u deploy/k8s/prometheusrule.yaml "$generated" > "$generated.diff"; then
    pass "prometheusrule: deploy/k8s/prometheusrule.yaml is what deploy/prometheus/rules/*.yml give"
else
    fail "prometheusrule: deploy/k8s/prometheusrule.yaml is stale; run" \
        "deploy/prometheus/to-prometheusrule.sh > deploy/k8s/prometheusrule.yaml"
    sed 's/^/        /' "$generated.diff" | head -20
fi
rm -f "$generated.err" "$generated.diff"

if ! command -v kubectl > /dev/null; then
    skip "render and manifest checks: kubectl is not installed (its kustomize renders deploy/)"
elif ! kubectl kustomize deploy > "$rendered" 2> "$rendered.err"; then
    fail "render: kubectl kustomize deploy: $(cat "$rendered.err")"
else
    pass "render: kubectl kustomize deploy ($(kubectl version --client 2> /dev/null | head -1))"
    node deploy/checks/k8s-manifests.mjs "$rendered" deploy/kustomization.yaml || failed=1
fi
rm -f "$rendered.err"

exit "$failed"
