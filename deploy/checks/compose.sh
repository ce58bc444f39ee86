#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine: Compose 1.29 accepts it (so v2 does too), every file it
# mounts or builds from exists, every secret it requires is in .env.example and none is committed, the topics it
# creates are the platform's, and scoring can scale.
#
#   deploy/checks/compose.sh        needs docker-compose (apt-get install docker-compose) and python3-yaml
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

failed=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }

command -v docker-compose > /dev/null || { echo "FAIL  docker-compose is missing: apt-get install docker-compose"; exit 1; }

# every ${VAR:?} with a value, as an operator's .env would give them
env_file="$(mktemp)"
trap 'rm -f "$env_file"' EXIT
grep -o '\${[A-Z_]*:?' docker-compose.yml | sed 's/^\${\(.*\):?$/\1/' | sort -u | while read -r name; do
    echo "$name=check-$name"
done > "$env_file"

if out="$(docker-compose --env-file "$env_file" -f docker-compose.yml config 2>&1 > /dev/null)"; then
    pass "docker-compose $(docker-compose version --short) accepts docker-compose.yml"
else
    fail "docker-compose config: $out"
fi

if out="$(docker-compose --env-file /dev/null -f docker-compose.yml config -q 2>&1)"; then
    fail "compose starts without the secrets of .env"
else
    pass "compose refuses to start without its secrets ($(grep -c . "$env_file") required)"
fi

python3 - "$env_file" <<'PY' || failed=1
import os, re, subprocess, sys, yaml

env_file = sys.argv[1]
rendered = yaml.safe_load(subprocess.run(
    ["docker-compose", "--env-file", env_file, "-f", "docker-compose.yml", "config"],
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

# the required secrets are documented, and none is committed
required = set(re.findall(r"\$\{([A-Z_]+):\?", open("docker-compose.yml").read()))
example = set(re.findall(r"^#?([A-Z_]+)=", open(".env.example").read(), re.M))
report(required <= example, "every required secret is in .env.example" + ("" if required <= example else f": missing {sorted(required - example)}"))
values = {k: v for k, v in re.findall(r"^([A-Z_]+)=(.*)$", open(".env.example").read(), re.M)}
filled = sorted(k for k in required if values.get(k))
report(not filled, ".env.example holds no secret values" + (f": {filled}" if filled else ""))
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
unchecked = [n for n, s in services.items() if n != "kafka-init" and "healthcheck" not in s]
report(not unchecked, "every long-running service has a healthcheck" + (f": not {unchecked}" if unchecked else ""))
for name in ("survey-service", "scoring-service", "dashboard-service"):
    conditions = {dep: spec.get("condition") for dep, spec in services[name].get("depends_on", {}).items()}
    healthy = conditions and all(c in ("service_healthy", "service_completed_successfully") for c in conditions.values())
    report(bool(healthy), f"{name} waits for {', '.join(f'{d} ({c})' for d, c in conditions.items())}")
sys.exit(1 if problems else 0)
PY

exit "$failed"
