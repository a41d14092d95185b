#!/usr/bin/env bash
# Server CPU per username + password login through the journey API (3 requests), per service, next to
# the CPU of the Argon2id hash alone: what a login costs beyond the hash.
#   bench/journey-cpu.sh [warm-up] [logins]      (defaults 200, 500)
# Uses a throw-away instance (its own database, Redis prefix and state dir) and stops it afterwards;
# the services must be packaged (./arbor builds them when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
export ARBOR_STATE_DIR="$PWD/target/bench-journey-state"
export ARBOR_INSTANCE="arbor_bench_journey_$(date +%s)"
rm -rf "$ARBOR_STATE_DIR"
trap './arbor down >/dev/null; "$java_home/bin/java" -cp "$(ls token-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)" \
  bench/DropDatabase.java "$ARBOR_INSTANCE" >/dev/null 2>&1 || true' EXIT
./arbor up --detach >/dev/null
bc_jar=$(ls authtree-service/target/quarkus-app/lib/main/org.bouncycastle.bcprov-jdk18on-*.jar | head -1)
"$java_home/bin/java" -cp "$bc_jar" bench/JourneyCpuBench.java http://localhost:8080 "$ARBOR_STATE_DIR/pids" \
  "${1:-200}" "${2:-500}"
