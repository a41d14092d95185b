#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports for a local run: the time from `./arbor up --detach` to
# every service ready, and each process's resident memory after it has idled.
#   bench/startup-and-idle.sh [idle-seconds]     (default 30)
# Uses a throw-away instance (its own database, Redis prefix and state dir) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
idle="${1:-30}"
export ARBOR_STATE_DIR="$PWD/target/bench-state"
export ARBOR_INSTANCE="arbor_bench_$(date +%s)"
rm -rf "$ARBOR_STATE_DIR"
trap './arbor down >/dev/null; java_home=$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64); \
  "$java_home/bin/java" -cp "$(ls token-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)" \
  bench/DropDatabase.java "$ARBOR_INSTANCE" >/dev/null 2>&1 || true' EXIT

# Warm once so the one-off work (Kafka class path resolution, storage format) is not counted.
./arbor up --detach >/dev/null
./arbor down >/dev/null

start=$(date +%s.%N)
./arbor up --detach >/dev/null
ready=$(date +%s.%N)
awk -v a="$start" -v b="$ready" 'BEGIN { printf "arbor up --detach to ready: %.1f s\n", b - a }' 

sleep "$idle"
printf '%-24s %10s\n' process "RSS (MiB)"
total=0
for f in "$ARBOR_STATE_DIR"/pids/*.pid; do
  name=$(basename "$f" .pid)
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$(cat "$f")/status")
  total=$((total + rss_kb))
  printf '%-24s %10d\n' "$name" $((rss_kb / 1024))
done
printf '%-24s %10d\n' total $((total / 1024))
