#!/usr/bin/env bash
# Performance benchmarks against a running ./voc up. Each suite measures our figure beside a ceiling measured in
# the same run on the same machine, prints one table with the ratios, and appends it to BENCHMARKS.md with the
# machine, the date and the commit.
#
#   bench/perf.sh [SUITE …]        suites: ingest batch freshness drain reads page webhooks (default: all, in this order)
#
# ingest     single responses over keep-alive connections (wrk), beside GET /q/health/live, at 32 and 256
#            connections; the scoring and dashboard services are stopped meanwhile, so both figures are the
#            survey-service's own (./voc up brings them back, and the backlog is scored)
# batch      500-item batches (wrk), beside Kafka's ProducerPerformance with the same record size
# freshness  202 → score visible on the dashboard, at half the single-ingest rate of the last ingest run
# drain      1,000,000 responses of 1,000 organisations waiting in voc.responses, scoring started: beside
#            ConsumerPerformance, PostgreSQL's COPY and a one-transaction-per-record consumer; then every
#            checked organisation's dashboard must equal a GROUP BY over the raw archive
# reads      /summary and /serviceproof over the drain's 1,000 organisations × 365 days, at 1–128 connections,
#            beside that GROUP BY over the raw archive; 304 polls beside GET /q/health/live
# page       the web dashboard in headless chromium with the demo organisation (./voc demo): first figures on
#            screen after navigation, cold (a new profile each run) and warm, bytes transferred, the requests that
#            reach the dashboard-service for each view and for one live update (BENCH_PAGE_RUNS, default 10)
# webhooks   broken relationships posted at a steady rate (BENCH_WEBHOOK_RATE, default 20/s, for 30 s): 202 →
#            the alert's signed webhook at a receiver on 127.0.0.1:18089 (the dashboard-service is restarted with
#            that receiver allowed, then as it was)
#
# Needs wrk (apt-get install wrk); the page suite needs chromium and chromium-driver instead. Environment: BENCH_SECONDS (per wrk run, default 15), BENCH_DRAIN (responses,
# default 1000000), BENCH_FRESH_RATE (overrides the freshness rate); the database is ./voc's (VOC_DB_NAME,
# VOC_PG_SUPERUSER, the embedded server's port). A suite that fails or is interrupted brings the platform back.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_RUN="${BENCH_SECONDS:-15}"
DRAIN="${BENCH_DRAIN:-1000000}"
SUITES=("$@")
((${#SUITES[@]} > 0)) || SUITES=(ingest batch freshness drain reads page webhooks)
SURVEY=http://127.0.0.1:8081
DASHBOARD=http://127.0.0.1:8083
STATE=.voc/bench

die() {
    printf 'perf: %s\n' "$*" >&2
    exit 1
}
say() { printf '%s\n' "$*" >&2; }

for suite in "${SUITES[@]}"; do
    case "$suite" in
        ingest | batch | freshness | drain | reads) command -v wrk > /dev/null || die "wrk is missing: apt-get install wrk" ;;
        page) [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
            || die "chromium is missing: apt-get install chromium chromium-driver" ;;
        webhooks) ;;
        *) die "unknown suite $suite (ingest, batch, freshness, drain, reads, page, webhooks)" ;;
    esac
done
./voc status > /dev/null || die "start the platform first: ./voc up"
if [[ ! -f bench/target/runtime.classpath || bench/src -nt bench/target/runtime.classpath ]]; then
    say "Building the bench tools"
    ./mvnw -B -q -pl bench -am install -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/runtime.classpath)"
KAFKA_CP="deploy/local/target/classes:$(cat deploy/local/target/runtime.classpath)"
TOKEN="$(cat .voc/admin-token)"
mkdir -p "$STATE"

# ./voc's functions (pid checks, stop_component) and settings, in a subshell: sourced, ./voc only defines them
# shellcheck source=/dev/null
voc_fn() { (source ./voc && "$@"); }
# the database as ./voc runs it: VOC_DB_NAME, VOC_PG_SUPERUSER, the embedded server's port or 5432
# shellcheck source=/dev/null
{ read -r DB_NAME; read -r PG_SUPERUSER; read -r PG_PORT; } \
    <<< "$(source ./voc && printf '%s\n' "$DB_NAME" "$PG_SUPERUSER" "$(pg_port)")"
export VOC_BENCH_JDBC="${VOC_BENCH_JDBC:-jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME}" \
    VOC_BENCH_JDBC_USER="${VOC_BENCH_JDBC_USER:-$PG_SUPERUSER}"
# every scoring instance, when ./voc up --scoring N runs more than one: their applied counts and freshness add up
VOC_SCORING_URLS="$(source ./voc && for svc in $(scoring_instances); do printf 'http://127.0.0.1:%s,' "$(port_of "$svc")"; done)"
export VOC_SCORING_URLS="${VOC_SCORING_URLS%,}"
# what ./voc runs: the broker layout, the scoring instances, where the dashboard reads
LAYOUT="$(source ./voc && printf '%s; %s scoring instance(s); the dashboard-service reads from %s' \
    "$( (($(broker_count) > 1)) && echo 'a cluster of 3 Kafka brokers (replication 3, min ISR 2)' || echo 'one Kafka broker')" \
    "$(scoring_instances | wc -l)" "$(replica_wanted && echo 'a streaming replica' || echo 'the primary')")"

tools() { java -cp "$CP" io.vocmonitor.bench.PerfTools "$@"; }
# the value of KEY in a "RESULT k=v …" or "BENCH k=v …" line
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<< "$2" | tail -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
rounded() { awk -v a="$1" 'BEGIN { printf "%.0f", a }'; }

# wrk … → "requests_per_second p50_ms p99_ms non_2xx"
measure() {
    local out rate bench
    out="$(wrk "$@")"
    rate="$(awk '/Requests\/sec:/ {print $2}' <<< "$out")"
    bench="$(grep '^BENCH' <<< "$out")"
    echo "$(rounded "$rate") $(field p50_ms "$bench") $(field p99_ms "$bench") $(field errors_status "$bench")"
}

rss() {
    local line="" svc pid
    for svc in survey scoring dashboard; do
        if voc_fn running "$svc"; then
            pid="$(voc_fn pid_of "$svc")"
            line+="$svc $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status") MB, "
        else
            line+="$svc not running, "
        fi
    done
    echo "${line%, }"
}

scoring_instances() { ls .voc/run/ | sed -n 's/^\(scoring[-0-9]*\)\.pid$/\1/p'; }
# stops every scoring instance, and with "dashboard" the dashboard too, as ./voc down does (never a stranger that
# got a pid of a stale pid file); ./voc up brings them back
stop_consumers() {
    local svc
    for svc in $(scoring_instances) "$@"; do voc_fn stop_component "$svc" 30 > /dev/null; done
}

report() {
    local title="$1" note="$2" table="$3"
    printf '\n%s\n\n%s\n' "$title" "$table"
    {
        echo
        echo "### $title, $(date -u +%Y-%m-%d) — commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo
        echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -n 1). Platform: $LAYOUT. $note"
        echo
        echo "$table"
    } >> BENCHMARKS.md
}

suite_ingest() {
    say "• ingest: single responses, the survey-service alone"
    tools register bench-ingest 1 > /dev/null
    stop_consumers dashboard
    export BENCH_ORG=bench-ingest-0001 BENCH_TOKEN="$TOKEN" BENCH_BATCH=0
    wrk -t2 -c32 -d30s -s bench/wrk/responses.lua "$SURVEY" > /dev/null # warm-up of the JIT after a fresh start
    local table="| connections | health req/s | ingest accepted/s | ratio | ingest p50 ms | ingest p99 ms | health p99 ms | refused |
|---|---|---|---|---|---|---|---|"
    local c health ingest
    for c in 32 256; do
        read -r -a health <<< "$(measure -t2 -c"$c" -d"${SECONDS_PER_RUN}s" -s bench/wrk/plain.lua "$SURVEY/q/health/live")"
        read -r -a ingest <<< "$(measure -t2 -c"$c" -d"${SECONDS_PER_RUN}s" -s bench/wrk/responses.lua "$SURVEY")"
        table+=$'\n'"| $c | ${health[0]} | ${ingest[0]} | $(ratio "${ingest[0]}" "${health[0]}") | ${ingest[1]} | ${ingest[2]} | ${health[2]} | ${ingest[3]} |"
        [[ "$c" == 32 ]] && echo "${ingest[0]}" > "$STATE/ingest-rate"
    done
    local memory
    memory="$(rss)"
    ./voc up > /dev/null
    report "Ingest, single responses" "\`bench/perf.sh ingest\`: wrk -t2, ${SECONDS_PER_RUN} s per run, realistic ServiceProof (70 %) and recovery (30 %) responses with fresh ids, admin token; scoring and dashboard stopped during the runs. RSS after: $memory." "$table"
}

suite_batch() {
    say "• batch: 500-item batches, beside Kafka's ProducerPerformance"
    tools register bench-batch 1 > /dev/null
    export BENCH_ORG=bench-batch-0001 BENCH_TOKEN="$TOKEN" BENCH_BATCH=500
    local size
    size="$(field record_bytes "$(tools record-size)")"
    java -cp "$KAFKA_CP" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --create --if-not-exists \
        --topic bench.ceiling --partitions 6 --replication-factor 1 > /dev/null 2>&1
    stop_consumers dashboard
    wrk -t2 -c4 -d5s -s bench/wrk/responses.lua "$SURVEY" > /dev/null # warm-up
    local batch producer table
    read -r -a batch <<< "$(measure -t2 -c8 -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/wrk/responses.lua "$SURVEY")"
    producer="$(java -cp "$KAFKA_CP" org.apache.kafka.tools.ProducerPerformance --topic bench.ceiling \
        --num-records 1000000 --record-size "$size" --throughput -1 \
        --producer-props bootstrap.servers=127.0.0.1:9092 acks=all 2>/dev/null | tail -n 1)"
    local ceiling responses memory
    ceiling="$(sed -n 's/.*sent, \([0-9.]*\) records\/sec.*/\1/p' <<< "$producer")"
    responses=$((batch[0] * 500))
    memory="$(rss)"
    ./voc up > /dev/null
    table="| record bytes | ProducerPerformance records/s | batch requests/s | batch responses/s | ratio | p50 ms | p99 ms | refused |
|---|---|---|---|---|---|---|---|
| $size | $(rounded "$ceiling") | ${batch[0]} | $responses | $(ratio "$responses" "$ceiling") | ${batch[1]} | ${batch[2]} | ${batch[3]} |"
    report "Ingest, 500-item batches" "\`bench/perf.sh batch\`: wrk -t2 -c8, ${SECONDS_PER_RUN} s; ProducerPerformance with acks=all, 1,000,000 records of the mean event size, to a 6-partition topic like voc.responses; scoring and dashboard stopped during the runs. RSS after: $memory." "$table"
}

suite_freshness() {
    local rate connections
    rate="${BENCH_FRESH_RATE:-$(( $(cat "$STATE/ingest-rate" 2>/dev/null || echo 2000) / 2 ))}"
    connections=$(( (rate + 59) / 60 ))
    say "• freshness: about $rate responses/s ($connections connections, each pausing 10 ms between requests), probes every 250 ms"
    tools register bench-fresh 2 > /dev/null
    tools await-caught-up 900 > /dev/null
    BENCH_ORG=bench-fresh-0002 BENCH_TOKEN="$TOKEN" BENCH_BATCH=0 BENCH_DELAY_MS=10 \
        wrk -t2 -c"$connections" -d70s -s bench/wrk/responses.lua "$SURVEY" > "$STATE/freshness-load.txt" &
    LOAD=$!
    sleep 5
    local result table sent
    result="$(tools freshness 60)"
    wait "$LOAD"
    LOAD=""
    sent="$(awk '/Requests\/sec:/ {printf "%.0f", $2}' "$STATE/freshness-load.txt")"
    table="| load, responses/s | probes | visible p50 ms | visible p99 ms | max ms | voc_scoring_freshness_seconds p50 / p99 ms |
|---|---|---|---|---|---|
| $sent | $(field probes "$result") | $(field p50_ms "$result") | $(field p99_ms "$result") | $(field max_ms "$result") | ≤ $(field metric_p50_ms "$result") / ≤ $(field metric_p99_ms "$result") |"
    report "Freshness" "\`bench/perf.sh freshness\`: a steady load of single responses (wrk, about half the last single-ingest rate at 32 connections) with all services running; four times a second a probe response, then its organisation's /serviceproof polled with If-None-Match every 5 ms until the score changes: 202 → visible. The metric's figures are its histogram's bucket bounds. RSS after: $(rss)." "$table"
}

suite_drain() {
    say "• drain: $DRAIN responses of 1,000 organisations waiting in voc.responses"
    tools register bench-drain 1000 > /dev/null
    tools await-caught-up 900 > /dev/null
    stop_consumers
    tools produce bench-drain 1000 "$DRAIN" 365 > /dev/null
    say "  ConsumerPerformance on voc.responses"
    local consumer ceiling
    consumer="$(java -cp "$KAFKA_CP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server 127.0.0.1:9092 \
        --topic voc.responses --messages "$DRAIN" --group "bench-consumer-$$" --timeout 60000 2>/dev/null | tail -n 1)"
    ceiling="$(awk -F', *' '{print $6}' <<< "$consumer")"
    say "  scoring-service started"
    ./voc up > /dev/null &
    local drained
    drained="$(tools await-applied "$DRAIN" 3600)"
    wait
    local memory
    memory="$(rss)"
    say "  PostgreSQL COPY and the one-transaction-per-record consumer"
    # a response writes one archive row and one bucket row
    local copy naive copy_ceiling
    copy="$(tools copy-ceiling 200000)"
    copy_ceiling="$(awk -v a="$(field archive_rows_per_second "$copy")" -v b="$(field bucket_rows_per_second "$copy")" \
        'BEGIN { printf "%.0f", 1 / (1 / a + 1 / b) }')"
    naive="$(tools naive-consumer 20000)"
    say "  every checked organisation's dashboard against the raw archive"
    local exact
    exact="$(tools naive-groupby bench-drain 1000 25)"
    local rate
    rate="$(field per_second "$drained")"
    local table="| responses | drained/s | ConsumerPerformance records/s | ratio | COPY ceiling responses/s (1 + 1 rows each) | ratio | one-transaction-per-record consumer/s | ratio | exact |
|---|---|---|---|---|---|---|---|---|
| $DRAIN | $rate | $(rounded "$ceiling") | $(ratio "$rate" "$ceiling") | $copy_ceiling | $(ratio "$rate" "$copy_ceiling") | $(field per_second "$naive") | $(ratio "$rate" "$(field per_second "$naive")") | $(field aspects_checked "$exact") aspect figures of 25 organisations equal |"
    report "Backlog drain" "\`bench/perf.sh drain\`: $DRAIN ResponseSubmitted events (lz4) for 1,000 organisations over 365 days produced while scoring was stopped, then the scoring instances started; the clock runs from the first response applied to the last. COPY: $(field archive_rows_per_second "$copy") archive rows/s, $(field bucket_rows_per_second "$copy") bucket rows/s into tables shaped like ours. RSS after the drain: $memory." "$table"
}

suite_reads() {
    say "• reads: 1,000 organisations × 365 days of buckets"
    local archived
    archived="$(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d "$DB_NAME" -Atc "SELECT count(*) FROM scoring.response WHERE organisation_id LIKE 'bench-drain-%'")"
    ((archived >= 1000)) || die "no drained organisations: run bench/perf.sh drain first"
    export BENCH_TOKEN="$TOKEN" BENCH_PREFIX=bench-drain BENCH_ORGS=1000 BENCH_ETAG= BENCH_UNCACHED=
    local naive
    naive="$(field per_second "$(tools naive-groupby bench-drain 1000 10)")"
    local table="| endpoint | answered from | connections | req/s | p50 ms | p99 ms | naive GROUP BY/s (1 connection) | ratio |
|---|---|---|---|---|---|---|---|"
    local path c r
    say "  warm-up: every organisation's buckets read once (a question not asked again), then the JIT"
    for i in $(seq -f '%04g' 1 1000); do
        echo "$DASHBOARD/api/v1/organisations/bench-drain-$i/summary?to=2999-12-31"
    done | xargs -P 4 -n 1 curl -s -o /dev/null -H "Authorization: Bearer $TOKEN"
    BENCH_UNCACHED=1 wrk -t2 -c8 -d10s -s bench/wrk/reads.lua "$DASHBOARD" > /dev/null
    for path in summary serviceproof; do
        for c in 1 8 32; do
            read -r -a r <<< "$(BENCH_UNCACHED=1 BENCH_PATHS=$path measure -t"$((c < 2 ? 1 : 2))" -c"$c" -d"${SECONDS_PER_RUN}s" -s bench/wrk/reads.lua "$DASHBOARD")"
            table+=$'\n'"| /$path | buckets (a new question each time) | $c | ${r[0]} | ${r[1]} | ${r[2]} | $naive | $(ratio "${r[0]}" "$naive") |"
        done
    done
    say "  every organisation asked once, then polled"
    for i in $(seq -f '%04g' 1 1000); do
        echo "$DASHBOARD/api/v1/organisations/bench-drain-$i/summary"
        echo "$DASHBOARD/api/v1/organisations/bench-drain-$i/serviceproof"
    done | xargs -P 4 -n 1 curl -s -o /dev/null -H "Authorization: Bearer $TOKEN"
    for path in summary serviceproof; do
        for c in 1 8 32 128; do
            read -r -a r <<< "$(BENCH_PATHS=$path measure -t"$((c < 2 ? 1 : 2))" -c"$c" -d"${SECONDS_PER_RUN}s" -s bench/wrk/reads.lua "$DASHBOARD")"
            table+=$'\n'"| /$path | cache (asked before, scores unchanged) | $c | ${r[0]} | ${r[1]} | ${r[2]} | $naive | $(ratio "${r[0]}" "$naive") |"
        done
    done
    local etag health poll
    etag="$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$DASHBOARD/api/v1/organisations/bench-drain-0001/serviceproof" \
        | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
    read -r -a health <<< "$(measure -t2 -c32 -d"${SECONDS_PER_RUN}s" -s bench/wrk/plain.lua "$DASHBOARD/q/health/live")"
    read -r -a poll <<< "$(BENCH_ETAG="$etag" measure -t2 -c32 -d"${SECONDS_PER_RUN}s" -s bench/wrk/reads.lua "$DASHBOARD")"
    table+=$'\n'"| /serviceproof, If-None-Match | 304 | 32 | ${poll[0]} | ${poll[1]} | ${poll[2]} | health ${health[0]} | $(ratio "${poll[0]}" "${health[0]}") |"
    report "Dashboard reads" "\`bench/perf.sh reads\`: wrk, ${SECONDS_PER_RUN} s per run, a random organisation of 1,000 per request ($archived archived responses, a year of buckets each); the naive figure is a GROUP BY over the raw archive answering /serviceproof, one connection at a time; the 304 row compares with the dashboard's GET /q/health/live at the same concurrency in the same run. RSS after: $(rss)." "$table"
}

suite_page() {
    say "• page: the web dashboard of the demo organisation in headless chromium"
    [[ -f .voc/demo-organisation.json ]] || die "no demo organisation: run ./voc demo first"
    local org read ingest runs="${BENCH_PAGE_RUNS:-10}" table
    { read -r org; read -r read; read -r ingest; } <<< "$(python3 -c 'import json, sys
o = json.load(open(".voc/demo-organisation.json"))
print(o["id"]); print(o["readKey"]); print(o["ingestKey"])')"
    table="$(java -cp "$CP" io.vocmonitor.bench.PageLoad "$DASHBOARD" "$SURVEY" "$org" "$read" "$ingest" "$runs")"
    report "Web dashboard page load" "\`bench/perf.sh page\`: headless chromium $(chromium --version 2>/dev/null | awk '{print $2}'), the demo organisation's overview over all time ($(curl -s -H "X-Api-Key: $read" "$DASHBOARD/api/v1/organisations/$org/summary" | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["serviceproof"]["responses"] + s["recovery"]["responses"])') responses), a window of 1300×1000; first figures = the page's voc:first-figures mark, the frame that paints the view's numbers, from navigation start; cold = a new browser profile each run, after one run that warms the services; requests reaching the service = responses with bytes on the wire (a 304 counts, a cache hit does not); the event stream is one more, open all along." "$table"
}

suite_webhooks() {
    local port=18089 rate="${BENCH_WEBHOOK_RATE:-20}" result table
    say "• webhooks: $rate broken relationships a second for 30 s; 202 → signed webhook at 127.0.0.1:$port"
    # the dashboard-service with the benchmark's receiver allowed (plain http, one loopback port), then as it was
    voc_fn stop_component dashboard 30 > /dev/null
    HOOKS_ALLOWED=yes
    VOC_WEBHOOK_ALLOW_HTTP=true VOC_WEBHOOK_ALLOWED_HOSTS="127.0.0.1:$port" ./voc up > /dev/null
    result="$(java -cp "$CP" io.vocmonitor.bench.WebhookLatency 30 "$rate" "$port")"
    voc_fn stop_component dashboard 30 > /dev/null
    ./voc up > /dev/null
    HOOKS_ALLOWED=""
    table="| rate/s | alerts | delivered | 202 → webhook p50 ms | p99 ms | max ms | delivered twice | bad signatures |
|---|---|---|---|---|---|---|---|
| $rate | $(field alerts "$result") | $(field delivered "$result") | $(field p50_ms "$result") | $(field p99_ms "$result") | $(field max_ms "$result") | $(field repeats "$result") | $(field unsigned "$result") |"
    report "Webhooks" "\`bench/perf.sh webhooks\`: recovery responses with a BROKEN relationship posted one by one at a steady rate for 30 s, after 10 s of the same as warm-up (admin token); each alert goes survey → voc.responses → scoring (outbox) → voc.alerts → the dashboard's inbox and webhook queue → a signed POST to a receiver on 127.0.0.1, which checks the signature; the time runs from the 202 to the webhook's arrival. RSS after: $(rss)." "$table"
}

LOAD="" # the freshness suite's background load
HOOKS_ALLOWED="" # set while the dashboard-service runs with the webhook suite's receiver allowed
# the suites stop services on purpose and bring them back when they succeed; after a failure or an interrupt,
# ./voc up does it here
restore() {
    local status=$?
    trap - EXIT
    ((status != 0)) || return 0
    [[ -z "$LOAD" ]] || kill "$LOAD" 2> /dev/null || true
    wait # the drain's ./voc up first: two at once would start a service twice
    # not left allowing plain http to a loopback port
    [[ -z "$HOOKS_ALLOWED" ]] || voc_fn stop_component dashboard 30 > /dev/null || true
    say "perf: bringing the platform back (./voc up)"
    ./voc up > /dev/null || say "perf: ./voc up failed; see ./voc status"
    exit "$status"
}
trap restore EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

for suite in "${SUITES[@]}"; do
    "suite_$suite"
done
say ""
say "Appended to BENCHMARKS.md"
