#!/usr/bin/env bash
# Checks the monitoring without running it: Prometheus accepts the container configuration and the one
# ./voc up --observability writes, the rules parse, their unit tests pass, every alert carries a severity, a
# summary, a description and a runbook link to a section of docs/operations.md, and has a test that sees it fire
# and one that sees it stay quiet.
#
#   deploy/checks/prometheus.sh        needs promtool (apt-get install --no-install-recommends prometheus) and python3-yaml
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

failed=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }

if ! command -v promtool > /dev/null; then
    echo "FAIL  promtool is missing: apt-get install --no-install-recommends prometheus (then stop the service it starts: service prometheus stop)"
    exit 1
fi

# WHAT COMMAND…: one line; the command's own output below it when it fails
check() {
    local what="$1" out
    shift
    if out="$("$@" 2>&1)"; then
        pass "$what"
    else
        fail "$what"
        printf '%s\n' "$out" | sed 's/^/      /'
    fi
}

local_config="$(mktemp --suffix=.yml)"
trap 'rm -f "$local_config"' EXIT
# the configuration ./voc up --observability writes, made by the same function
(source ./voc && prometheus_config) > "$local_config"

rules=(deploy/prometheus/rules/*.yml)
tests=(deploy/prometheus/tests/*.yml)
version="$(promtool --version 2>&1 | sed -n 's/^promtool, version \([^ ]*\).*/\1/p')"

check "promtool $version accepts deploy/prometheus/prometheus.yml and the rule files it loads" \
    promtool check config deploy/prometheus/prometheus.yml
check "promtool accepts the configuration of ./voc up --observability (the same rules, by absolute path)" \
    promtool check config "$local_config"
# the local configuration is written by ./voc, not derived from the container one: its jobs and labels must not drift
check "./voc up --observability scrapes the jobs of deploy/prometheus/prometheus.yml, with the same labels" \
    python3 - deploy/prometheus/prometheus.yml "$local_config" <<'PY'
import sys, yaml

def jobs(path):
    config = yaml.safe_load(open(path))
    return {job["job_name"]: (job.get("metrics_path", "/metrics"), sorted(
        {k: v for c in job.get("static_configs", []) + job.get("dns_sd_configs", []) for k, v in c.get("labels", {}).items()}.items()
        or [(rc["target_label"], rc.get("replacement")) for rc in job.get("relabel_configs", []) if "target_label" in rc]))
            for job in config["scrape_configs"]}

container, local = jobs(sys.argv[1]), jobs(sys.argv[2])
if container != local:
    print(f"container: {container}\nlocal:     {local}")
    sys.exit(1)
PY
check "promtool check rules: ${rules[*]##*/}" promtool check rules "${rules[@]}"
check "promtool test rules: ${tests[*]##*/}" promtool test rules "${tests[@]}"

python3 - "${rules[@]}" -- "${tests[@]}" <<'PY' || failed=1
import os, re, sys

try:
    import yaml
except ImportError:
    print("FAIL  python3 has no yaml module: apt-get install python3-yaml")
    sys.exit(1)

split = sys.argv.index("--")
rule_files, test_files = sys.argv[1:split], sys.argv[split + 1:]
problems = 0

def report(ok, message):
    global problems
    print(("ok    " if ok else "FAIL  ") + message)
    problems += not ok

alerts = {}
for path in rule_files:
    for group in yaml.safe_load(open(path))["groups"]:
        for rule in group["rules"]:
            if "alert" in rule:
                alerts[rule["alert"]] = rule

# the ### sections of "## Alerts (runbook)", up to the next ## section
runbook = open("docs/operations.md").read() if os.path.exists("docs/operations.md") else ""
part = re.search(r"^## Alerts \(runbook\)\s*$(.*?)(?=^## |\Z)", runbook, re.M | re.S)
sections = set(re.findall(r"^### (\S+)\s*$", part.group(1), re.M)) if part else set()

firing, quiet = set(), set()
for path in test_files:
    for test in yaml.safe_load(open(path)).get("tests", []):
        for case in test.get("alert_rule_test", []):
            (firing if case.get("exp_alerts") else quiet).add(case["alertname"])

for name, rule in sorted(alerts.items()):
    labels, annotations = rule.get("labels", {}), rule.get("annotations", {})
    wrong = []
    if labels.get("severity") not in ("critical", "warning"):
        wrong.append("severity critical or warning")
    wrong += [f"annotation {a}" for a in ("summary", "description", "runbook_url") if not annotations.get(a)]
    url = f"docs/operations.md#{name.lower()}"
    if annotations.get("runbook_url") != url:
        wrong.append(f"runbook_url {url}")
    if name not in sections:
        wrong.append(f"section '### {name}' in docs/operations.md")
    if name not in firing:
        wrong.append("a test in which it fires")
    if name not in quiet:
        wrong.append("a test in which it stays quiet")
    report(not wrong, f"alert {name} ({labels.get('severity')})" + (": lacks " + ", ".join(wrong) if wrong else ": labels, annotations, runbook section, tests firing and quiet"))

stray = sorted(sections - set(alerts))
report(not stray, "every section of docs/operations.md#alerts-runbook is an alert of the rules" + (f": not {stray}" if stray else ""))
sys.exit(1 if problems else 0)
PY

exit "$failed"
