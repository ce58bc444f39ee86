#!/usr/bin/env bash
# Evaluates every query of the Grafana dashboard (deploy/grafana/dashboards/voc-monitor.json) and every rule
# expression against live data: the Prometheus of ./voc up --observability, after some traffic. Each must parse
# and evaluate; the key panels (responses accepted, responses applied, freshness quantiles, HTTP requests) must
# have data. One line per panel and per rule, with its number of series.
#
#   deploy/checks/grafana-queries.sh     runs ./voc up --observability first (starts only what is not running);
#                                        needs Debian's prometheus package and python3. Prometheus stays on
#                                        afterwards: ./voc up --no-observability stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PROMETHEUS=http://127.0.0.1:9090
SURVEY=http://127.0.0.1:8081
DASHBOARD=http://127.0.0.1:8083

pass() { printf 'ok    %s\n' "$*"; }
fail() {
    printf 'FAIL  %s\n' "$*"
    exit 1
}

command -v python3 > /dev/null || fail "python3 is missing"
command -v prometheus > /dev/null || fail "prometheus is missing: apt-get install --no-install-recommends prometheus (then stop the service it starts: service prometheus stop)"

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
if ./voc up --observability > "$out" 2>&1; then
    pass "./voc up --observability: the services and Prometheus are ready"
else
    cat "$out"
    fail "./voc up --observability"
fi

# the targets are scraped once before the traffic, so that every counter has a sample from before it
scraped_since() {
    local since="$1" answer
    answer="$(curl -fsS -m 5 "$PROMETHEUS/api/v1/query" --data-urlencode \
        'query=min(timestamp(up{job=~"survey-service|scoring-service|dashboard-service"}) and up == 1)' 2>/dev/null)" || return 1
    python3 -c 'import json, sys; r = json.loads(sys.argv[1])["data"]["result"]; sys.exit(0 if r and float(r[0]["value"][1]) > float(sys.argv[2]) else 1)' \
        "$answer" "$since"
}
wait_for_scrape() {
    local since="$1" waited=0
    until scraped_since "$since"; do
        ((waited++ < 60)) || fail "Prometheus has not scraped every service since $(date -d "@${since%.*}" +%T): see $PROMETHEUS/targets"
        sleep 1
    done
}
wait_for_scrape "$(date +%s)"

# traffic: responses through the demo feeder, refusals (invalid and unauthenticated), dashboard reads
./voc demo 40 > "$out" 2>&1 || { cat "$out"; fail "./voc demo 40"; }
read -r org ingest read_key < <(python3 -c 'import json; d = json.load(open(".voc/demo-organisation.json")); print(d["id"], d["ingestKey"], d["readKey"])')
for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -X POST "$SURVEY/api/v1/organisations/$org/responses" -H "X-Api-Key: $ingest" \
        -H 'Content-Type: application/json' -d '{"instrument": "SERVICEPROOF", "answers": {"VALUE": 9}}'
    curl -s -o /dev/null -X POST "$SURVEY/api/v1/organisations/$org/responses" -H 'X-Api-Key: voc_ingest_not-a-key' \
        -H 'Content-Type: application/json' -d '{"instrument": "SERVICEPROOF", "answers": {"VALUE": 4}}'
    curl -s -o /dev/null -H "X-Api-Key: $read_key" "$DASHBOARD/api/v1/organisations/$org/summary"
done
sent="$(date +%s)"
pass "traffic sent: ./voc demo 40, 5 invalid and 5 unauthenticated responses, 5 dashboard reads"
# two scrapes after it: every rate() over 1m sees it
wait_for_scrape "$sent"
sleep 5
wait_for_scrape "$((sent + 5))"

python3 - "$PROMETHEUS" <<'PY'
import glob, json, math, os, re, sys, urllib.parse, urllib.request

prometheus = sys.argv[1]
DATASOURCE_UID = "voc-prometheus"
# Grafana's variables, with what a 3-hour dashboard on a 15 s scrape interval would about give them
VARIABLES = {"__rate_interval": "1m", "__interval": "15s", "__interval_ms": "15000",
             "__range": "3h", "__range_s": "10800", "__range_ms": "10800000"}
KEY_PANELS = ["Responses accepted per second, by instrument",
              "Responses applied, duplicate and retracted per second",
              "Freshness: receipt → aggregate committed",
              "Requests per second, by service"]
failures = 0

def report(ok, message):
    global failures
    print(("ok    " if ok else "FAIL  ") + message)
    failures += not ok

def api(path, **params):
    url = f"{prometheus}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as e:   # a query that does not parse is a 400 with the reason
        return json.load(e)

def substitute(expr):
    def value(match):
        name = match.group(1) or match.group(2)
        if name not in VARIABLES:
            raise KeyError(f"unknown variable ${name}")
        return VARIABLES[name]
    return re.sub(r"\$\{(\w+)\}|\$(__\w+)", value, expr)

def evaluate(expr):
    """(series, numeric series, error)"""
    answer = api("/api/v1/query", query=expr)
    if answer.get("status") != "success":
        return 0, 0, f'{answer.get("errorType")}: {answer.get("error")}'
    data = answer["data"]
    if data["resultType"] == "scalar":
        values = [data["result"][1]]
    else:
        values = [sample["value"][1] for sample in data["result"]]
    numeric = sum(1 for v in values if not math.isnan(float(v)))
    return len(values), numeric, None

# --- the dashboard -------------------------------------------------------------------------------------------
dashboard = json.load(open("deploy/grafana/dashboards/voc-monitor.json"))
panels = []
for panel in dashboard["panels"]:
    panels.append(panel)
    panels.extend(panel.get("panels", []))   # the panels of a collapsed row
ids = [p["id"] for p in panels]
report(len(ids) == len(set(ids)), f"dashboard {dashboard['uid']}: {len(panels)} panels with unique ids")

seen_titles = set()
for panel in panels:
    if panel["type"] == "row":
        continue
    title = panel["title"]
    seen_titles.add(title)
    problems, counts, empty_targets = [], [], 0
    if panel.get("datasource", {}).get("uid") != DATASOURCE_UID:
        problems.append(f"panel datasource is not uid {DATASOURCE_UID}")
    for target in panel.get("targets", []):
        if target.get("datasource", {}).get("uid") != DATASOURCE_UID:
            problems.append(f"target {target['refId']} datasource is not uid {DATASOURCE_UID}")
        try:
            expr = substitute(target["expr"])
        except KeyError as e:
            problems.append(f"target {target['refId']}: {e.args[0]}")
            continue
        series, numeric, error = evaluate(expr)
        if error:
            problems.append(f"target {target['refId']} `{expr}`: {error}")
        counts.append(f"{target['refId']} {numeric}" + (f" (+{series - numeric} NaN)" if series > numeric else ""))
        empty_targets += numeric == 0
    if not panel.get("targets"):
        problems.append("no query")
    if title in KEY_PANELS and empty_targets:
        problems.append(f"key panel without data in {empty_targets} of its queries")
    report(not problems, f"panel \"{title}\": series {', '.join(counts)}" + ("; " + "; ".join(problems) if problems else ""))

missing = [t for t in KEY_PANELS if t not in seen_titles]
report(not missing, "the key panels are on the dashboard" + (f": missing {missing}" if missing else ""))

# --- the rules, as the running Prometheus loaded them ---------------------------------------------------------
rules_answer = api("/api/v1/rules")
groups = rules_answer["data"]["groups"]
loaded = {os.path.realpath(g["file"]) for g in groups}
files = {os.path.realpath(f) for f in glob.glob("deploy/prometheus/rules/*.yml")}
reloaded = api("/api/v1/query", query="prometheus_config_last_reload_successful")["data"]["result"]
report(loaded == files and reloaded and reloaded[0]["value"][1] == "1",
       f"Prometheus runs the rules of {len(files)} files of deploy/prometheus/rules/, last reload successful"
       + ("" if loaded == files else f": loaded {sorted(loaded)}"))
for group in groups:
    for rule in group["rules"]:
        name = rule["name"]
        series, numeric, error = evaluate(rule["query"])
        problems = [error] if error else []
        if rule.get("health") not in ("ok", "unknown"):   # unknown: not evaluated yet (a group with a longer interval)
            problems.append(f'Prometheus says {rule.get("health")}: {rule.get("lastError")}')
        kind = "alert" if rule["type"] == "alerting" else "record"
        state = f", {rule['state']}" if kind == "alert" else ""
        nan = f" (+{series - numeric} NaN)" if series > numeric else ""
        report(not problems, f"{kind} {name}: {numeric} series{nan}{state}" + ("; " + "; ".join(problems) if problems else ""))

sys.exit(1 if failures else 0)
PY
