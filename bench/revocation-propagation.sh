#!/usr/bin/env bash
# Revocation propagation across two federation-service replicas (issue #3 item 7): N revocations at
# federation :8081, and for each replica the delay until its introspection answers {"active":false}.
#   bench/revocation-propagation.sh [rounds] [warm-up]      (defaults 200, 20)
# Reuses a running Arbor (ARBOR_STATE_DIR, default .arbor) or starts a throw-away instance and stops
# it afterwards. Starts the second replica (federation :18281, its own token-service :18283) with
# ./arbor replica unless one answers there already, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"; }

cleanup=()
on_exit() { local c; for c in "${cleanup[@]}"; do eval "$c" >/dev/null 2>&1 || true; done; }
trap on_exit EXIT

if ! ready 8081; then
  export ARBOR_STATE_DIR="$PWD/target/bench-state"
  export ARBOR_INSTANCE="arbor_bench_$(date +%s)"
  rm -rf "$ARBOR_STATE_DIR"
  cleanup=("./arbor down" "'$java_home/bin/java' -cp \"\$(ls token-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)\" bench/DropDatabase.java $ARBOR_INSTANCE"
           "redis-cli --scan --pattern '$ARBOR_INSTANCE:*' | xargs -r redis-cli del" "${cleanup[@]}")
  echo "starting a throw-away Arbor ($ARBOR_INSTANCE) ..."
  ./arbor up --detach >/dev/null
fi
if ! ready 18281; then
  ./arbor replica token-service --port 18283
  ./arbor replica federation-service --port 18281 --peer token-service=127.0.0.1:18283
  cleanup=("./arbor down federation-service@18281" "./arbor down token-service@18283" "${cleanup[@]}")
fi
"$java_home/bin/java" bench/RevocationPropagation.java "${1:-200}" "${2:-20}" http://127.0.0.1:8081 http://127.0.0.1:18281
