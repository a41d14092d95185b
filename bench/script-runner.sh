#!/usr/bin/env bash
# Latency of one sandboxed run of a 20-line decision script (the same script in both modes).
#   bench/script-runner.sh [warm-up] [measured]          in process: sandbox only (no gRPC, no
#                                                        catalogue lookup), bench/ScriptRunnerBench.java
#   bench/script-runner.sh --process [warm-up] [measured] the same through the pool of worker processes
#                                                        (pipe + JSON framing + the sandbox in a worker)
#   bench/script-runner.sh --grpc [warm-up] [measured]   over gRPC: starts the packaged service on port
#                                                        18585 with a throw-away database and
#                                                        bench/realms/, calls Execute, stops it
# Defaults: 20000 warm-up, 20000 measured (gRPC: 2000, 5000). --grpc runs with the service's default
# isolation (process); ARBOR_SANDBOX_ISOLATION=in-process bench/script-runner.sh --grpc for the other.
# Needs script-runner-service packaged (./mvnw -o -pl script-runner-service verify) and local PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
cp_file=script-runner-service/target/bench-classpath.txt
./mvnw -q -o -pl script-runner-service dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
classpath="script-runner-service/target/classes:$(cat "$cp_file")"
jvm_flags=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

if [[ "${1:-}" != "--grpc" ]]; then
  exec "$java_home/bin/java" "${jvm_flags[@]}" -cp "$classpath" bench/ScriptRunnerBench.java "$@"
fi
shift
port=18585
db="arbor_bench_sr_$(date +%s)"
createdb -h 127.0.0.1 -U postgres "$db"
log=script-runner-service/target/bench-service.log
"$java_home/bin/java" "${jvm_flags[@]}" -Dquarkus.http.port=$port \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$db" \
  -Darbor.realms.dir=bench/realms -jar script-runner-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; dropdb -h 127.0.0.1 -U postgres --force --if-exists "$db"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "service not ready; see $log" >&2; exit 1; }
"$java_home/bin/java" "${jvm_flags[@]}" -cp "$classpath" bench/ScriptRunnerGrpcBench.java "$port" "${1:-2000}" "${2:-5000}"
