#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine: Compose 1.29 accepts it as cloned (it keeps to what v2 accepts
# too), every file it mounts or builds from exists, every secret of .env.example is checked before use and none is
# committed, the topics it creates are the platform's, and scoring can scale.
#
#   deploy/checks/compose.sh        needs docker-compose (apt-get install docker-compose) and python3-yaml
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

failed=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }

command -v docker-compose > /dev/null || { echo "FAIL  docker-compose is missing: apt-get install docker-compose"; exit 1; }

# as a new user has it: no .env yet (the one-shot service `secrets` stops `up` until .env is filled in)
if out="$(docker-compose -f docker-compose.yml config -q 2>&1)" && [[ -z "$out" ]]; then
    pass "docker-compose $(docker-compose version --short) config -q accepts docker-compose.yml as cloned, without a word"
else
    fail "docker-compose config -q: $out"
fi

python3 - <<'PY' || failed=1
import os, re, subprocess, sys, yaml

rendered = yaml.safe_load(subprocess.run(
    ["docker-compose", "-f", "docker-compose.yml", "config"],
    check=True, capture_output=True, text=True).stdout)
services = rendered["services"]
problems = []

def report(ok, message):
    print(("ok    " if ok else "FAIL  ") + message)
    if not ok:
        problems.append(message)

# bind mounts and build contexts: Compose 1.29 does not notice a missing source
sources = []
for name, service in services.items():
    for volume in service.get("volumes", []):
        source = volume.get("source") if isinstance(volume, dict) else volume.split(":")[0]
        kind = volume.get("type") if isinstance(volume, dict) else ("bind" if source.startswith(("/", ".")) else "volume")
        if kind == "bind":
            sources.append((name, source))
    build = service.get("build")
    if build:
        context = build["context"] if isinstance(build, dict) else build
        dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile")) if isinstance(build, dict) else os.path.join(context, "Dockerfile")
        sources.append((name, dockerfile))
missing = [f"{name}: {path}" for name, path in sources if not os.path.exists(path)]
report(not missing, f"every mounted file and Dockerfile exists ({len(sources)})" + (": missing " + ", ".join(missing) if missing else ""))

# every secret of .env.example is checked by the `secrets` service before anything that reads one starts,
# .env.example holds no value, and none is committed
raw = yaml.safe_load(open("docker-compose.yml"))["services"]
example = dict(re.findall(r"^([A-Z_]+)=(.*)$", open(".env.example").read(), re.M))
checked = set(services["secrets"]["command"])
report(set(example) == checked, f"the secrets service checks every secret of .env.example ({len(checked)})"
       + ("" if set(example) == checked else f": not {sorted(set(example) ^ checked)}"))
filled = sorted(k for k, v in example.items() if v)
report(not filled, ".env.example holds no secret values" + (f": {filled}" if filled else ""))
unguarded = []
for name, service in raw.items():
    values = " ".join(str(v) for v in (service.get("environment") or {}).values())
    reads = sorted(secret for secret in checked if "${" + secret in values)
    waits = (service.get("depends_on") or {}).get("secrets", {}).get("condition") == "service_completed_successfully"
    if reads and name != "secrets" and not waits:
        unguarded.append(name)
report(not unguarded, "every service that reads a secret starts after the secrets service succeeded"
       + (f": not {unguarded}" if unguarded else ""))
tracked = subprocess.run(["git", "ls-files", ".env"], capture_output=True, text=True).stdout.strip()
report(not tracked, ".env is not in git")

# the topics kafka-init creates are the platform's, with their partition counts
java = open("events/src/main/java/io/vocmonitor/events/Topics.java").read()
names = dict(re.findall(r'String (\w+) = "([^"]+)";', java))
wanted = {names[k]: int(v) for k, v in re.findall(r"(\w+), (\d+)", java.split("LOCAL_PARTITIONS")[1])}
init = " ".join(services["kafka-init"]["command"]) if isinstance(services["kafka-init"]["command"], list) else services["kafka-init"]["command"]
created = {t: int(p) for t, p in re.findall(r"(voc\.[a-z.-]+):(\d+)", init)}
report(created == wanted, f"kafka-init creates the platform's topics {sorted(wanted.items())}" + ("" if created == wanted else f", not {sorted(created.items())}"))

# scoring scales: no fixed host port, no container name
scoring = services["scoring-service"]
report(not scoring.get("ports") and not scoring.get("container_name"), "scoring-service can scale (no host port, no container name)")

# every service has a healthcheck, and starts after what it needs is healthy
unchecked = [n for n, s in services.items() if n not in ("kafka-init", "secrets") and "healthcheck" not in s]
report(not unchecked, "every long-running service has a healthcheck" + (f": not {unchecked}" if unchecked else ""))
for name in ("survey-service", "scoring-service", "dashboard-service"):
    conditions = {dep: spec.get("condition") for dep, spec in services[name].get("depends_on", {}).items()}
    healthy = conditions and all(c in ("service_healthy", "service_completed_successfully") for c in conditions.values())
    report(bool(healthy), f"{name} waits for {', '.join(f'{d} ({c})' for d, c in conditions.items())}")
sys.exit(1 if problems else 0)
PY

exit "$failed"
