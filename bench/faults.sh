#!/usr/bin/env bash
# Fault injection against a running ./voc up: for each scenario, stream ServiceProof responses at a steady rate
# to a fresh organisation while a component is killed or restarted, then compare what was accepted (202)
# with what the scores count and what the ledger holds. Prints one table and appends it to BENCHMARKS.md.
#
#   bench/faults.sh [RATE per second, default 400] [SECONDS per scenario, default 30] [SCENARIO …]
#
# Scenarios on one broker: baseline, scoring-kill, scale-out, broker-restart, database-restart (the default).
# On a cluster (./voc up --brokers 3): baseline, leader-kill (SIGKILL to the leader of the organisation's
# partition, started again later), rolling-restart (each node in turn, waiting until every partition is in sync
# again), two-brokers-down (two of three SIGKILLed: writes are refused, 503, until they are back) — the default
# there.
# Webhook scenarios, on one broker and on request only: webhook-dashboard-kill, webhook-broker-restart,
# webhook-database-restart — broken relationships at BENCH_WEBHOOK_RATE a second (default 20; RATE is for the
# others) to a subscription whose receiver runs on 127.0.0.1:18089, the fault as above; a second table says whether
# each alert arrived, signed, once per webhook-id, and how soon after the recovery (bench.WebhookLatency).
# Needs ./voc up (the admin token in .voc/admin-token); restarts parts of it, and leaves one scoring instance.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RATE="${1:-400}"
DURATION="${2:-30}"
shift $(($# > 2 ? 2 : $#))
SCENARIOS=("$@")
BROKERS="$(cat .voc/kafka-brokers 2>/dev/null || echo 1)"
if ((BROKERS > 1)); then
    ((${#SCENARIOS[@]} > 0)) || SCENARIOS=(baseline leader-kill rolling-restart two-brokers-down)
else
    ((${#SCENARIOS[@]} > 0)) || SCENARIOS=(baseline scoring-kill scale-out broker-restart database-restart)
fi
FAULT_AT=$((DURATION / 3))
RECOVER_AT=$((FAULT_AT + 8))

die() {
    printf 'faults: %s\n' "$*" >&2
    exit 1
}

./voc status > /dev/null || die "start the platform first: ./voc up"
if [[ ! -f bench/target/runtime.classpath ]]; then
    echo "Building the bench tools"
    ./mvnw -B -q -pl bench -am package -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/runtime.classpath)"
# the harness counts in ./voc's database: VOC_DB_NAME, VOC_PG_SUPERUSER, the embedded server's port or 5432
# shellcheck source=/dev/null
{ read -r DB_NAME; read -r PG_SUPERUSER; read -r PG_PORT; } \
    <<< "$(source ./voc && printf '%s\n' "$DB_NAME" "$PG_SUPERUSER" "$(pg_port)")"
VOC_KAFKA_BOOTSTRAP="$(source ./voc && kafka_bootstrap)"
export VOC_KAFKA_BOOTSTRAP
export VOC_BENCH_JDBC="${VOC_BENCH_JDBC:-jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME}" \
    VOC_BENCH_JDBC_USER="${VOC_BENCH_JDBC_USER:-$PG_SUPERUSER}"

# stops a process ./voc started and waits until it is gone
stop_cmd() { echo "p=\$(cat .voc/run/$1.pid); kill $2 \$p; while kill -0 \$p 2>/dev/null; do sleep 0.2; done"; }

if [[ -f .voc/run/postgres.pid ]]; then
    DB_DOWN="$(stop_cmd postgres -TERM)"
    DB_UP="./voc up"
else
    cluster="$(ls /etc/postgresql | sort -V | tail -n 1)"
    DB_DOWN="pg_ctlcluster --skip-systemctl-redirect $cluster main stop -m fast"
    DB_UP="pg_ctlcluster --skip-systemctl-redirect $cluster main start"
fi

HOOK_PORT=18089
HOOK_RATE="${BENCH_WEBHOOK_RATE:-20}"
# the dashboard-service as it was, without the benchmark's receiver allowed, however the script ends
hooks_allowed=""
restore_dashboard() {
    [[ -n "$hooks_allowed" ]] || return 0
    unset VOC_WEBHOOK_ALLOW_HTTP VOC_WEBHOOK_ALLOWED_HOSTS
    bash -c "$(stop_cmd dashboard -TERM)" || true
    ./voc up > /dev/null
    hooks_allowed=""
}
trap restore_dashboard EXIT

results=()
hook_results=()
for scenario in "${SCENARIOS[@]}"; do
    fault=""
    recover=""
    case "$scenario" in
        webhook-*)
            ((BROKERS == 1)) || die "the webhook scenarios are for one broker"
            ./voc up --scoring 1 > /dev/null
            if [[ -z "$hooks_allowed" ]]; then
                # the recoveries' ./voc up start the dashboard-service with these too
                export VOC_WEBHOOK_ALLOW_HTTP=true VOC_WEBHOOK_ALLOWED_HOSTS="127.0.0.1:$HOOK_PORT"
                bash -c "$(stop_cmd dashboard -TERM)"
                ./voc up > /dev/null
                hooks_allowed=yes
            fi
            case "$scenario" in
                webhook-dashboard-kill) fault="$(stop_cmd dashboard -KILL)" ;;
                webhook-broker-restart) fault="$(stop_cmd kafka -TERM)" ;;
                webhook-database-restart) fault="$DB_DOWN" ;;
                *) die "unknown scenario $scenario" ;;
            esac
            recover="./voc up"
            [[ "$scenario" != webhook-database-restart ]] || recover="$DB_UP; ./voc up"
            echo "Scenario $scenario: $HOOK_RATE broken relationships/s for $DURATION s after 10 s of warm-up, fault at ${FAULT_AT}s, recovery at ${RECOVER_AT}s"
            result="$(java -cp "$CP" io.vocmonitor.bench.WebhookLatency "$DURATION" "$HOOK_RATE" "$HOOK_PORT" \
                "$FAULT_AT" "$fault" "$RECOVER_AT" "$recover" | grep '^RESULT')"
            row="$scenario | $HOOK_RATE | $DURATION"
            for name in alerts delivered p50_ms p99_ms max_ms after_p99_ms drain_s repeats duplicates unsigned; do
                row+=" | $(sed -n "s/.*\b$name=\([^ ]*\).*/\1/p" <<< "$result")"
            done
            hook_results+=("$row")
            ./voc up > /dev/null
            continue
            ;;
        baseline) ./voc up --scoring 1 > /dev/null ;;
        scoring-kill)
            ./voc up --scoring 1 > /dev/null
            fault="$(stop_cmd scoring -KILL)"
            recover="./voc up"
            ;;
        scale-out)
            ./voc up --scoring 3 > /dev/null
            fault="$(stop_cmd scoring-2 -KILL)"
            recover="./voc up"
            ;;
        broker-restart)
            ((BROKERS == 1)) || die "broker-restart is for one broker; on a cluster: leader-kill, rolling-restart"
            ./voc up --scoring 1 > /dev/null
            fault="$(stop_cmd kafka -TERM)"
            recover="./voc up"
            ;;
        leader-kill | rolling-restart | two-brokers-down)
            ((BROKERS == 3)) || die "$scenario needs the cluster: ./voc down --purge, then ./voc up --brokers 3"
            ./voc up --scoring 1 > /dev/null
            java -cp "$CP" io.vocmonitor.bench.PerfTools await-in-sync > /dev/null
            leader="n=\$(java -cp '$CP' io.vocmonitor.bench.PerfTools leader \"\$VOC_FAULT_ORG\")"
            case "$scenario" in
                leader-kill)
                    fault="$leader; $(stop_cmd 'kafka-$n' -KILL)"
                    recover="./voc up"
                    ;;
                rolling-restart)
                    fault="for n in 1 2 3; do $(stop_cmd 'kafka-$n' -TERM); ./voc up; java -cp '$CP' io.vocmonitor.bench.PerfTools await-in-sync; done"
                    recover=""
                    ;;
                two-brokers-down)
                    fault="$leader; other=\$((n % 3 + 1)); $(stop_cmd 'kafka-$n' -KILL); $(stop_cmd 'kafka-$other' -KILL)"
                    recover="./voc up"
                    ;;
            esac
            ;;
        database-restart)
            ./voc up --scoring 1 > /dev/null
            fault="$DB_DOWN"
            recover="$DB_UP"
            ;;
        *) die "unknown scenario $scenario" ;;
    esac
    echo "Scenario $scenario: $RATE responses/s for $DURATION s${fault:+, fault at ${FAULT_AT}s, recovery at ${RECOVER_AT}s}"
    results+=("$(java -cp "$CP" io.vocmonitor.bench.FaultHarness "$scenario" "$RATE" "$DURATION" "$FAULT_AT" "$fault" \
        "$RECOVER_AT" "$recover")")
    ./voc up > /dev/null
done
./voc up --scoring 1 > /dev/null
restore_dashboard

table=""
if ((${#results[@]})); then
    table="| scenario | rate/s | seconds | sent | accepted | counted | lost | double | extra | slowest 503 (ms) |
|---|---|---|---|---|---|---|---|---|---|"
    for row in "${results[@]}"; do
        table+=$'\n'"| ${row//$'\t'/ | } |"
    done
fi
if ((${#hook_results[@]})); then
    [[ -z "$table" ]] || table+=$'\n\n'
    table+="| webhook scenario | alerts/s | seconds | alerts | delivered | 202 → webhook p50 ms | p99 ms | max ms | p99 ms from 5 s after recovery | last earlier alert delivered, s after recovery began | same webhook-id again | alert under another id | bad signatures |
|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for row in "${hook_results[@]}"; do
        table+=$'\n'"| $row |"
    done
fi
echo
echo "$table"

{
    echo
    echo "### Fault injection, $(date -u +%Y-%m-%d) — commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( ((BROKERS > 1)) && echo ", a cluster of $BROKERS brokers")"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -n 1)."
    echo "\`bench/faults.sh $RATE $DURATION ${SCENARIOS[*]}\`: each scenario streams single responses (admin token, retried with the"
    echo "same responseId on 503 for up to a minute); the fault at ${FAULT_AT} s, the recovery at ${RECOVER_AT} s (a webhook"
    echo "scenario's after 10 s of warm-up; its drain runs from the start of the recovery command, its p99 after recovery"
    echo "from 5 s after that command, ./voc up, returned: it waits until the services are ready)."
    echo
    echo "$table"
} >> BENCHMARKS.md
echo
echo "Appended to BENCHMARKS.md"
