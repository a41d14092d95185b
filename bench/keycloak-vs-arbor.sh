#!/usr/bin/env bash
# Arbor against Keycloak 26.5.6, side by side on this machine, in one run (issue #3 item 8).
#
#   bench/keycloak-vs-arbor.sh [--smoke] [scenario...]
#
# Scenarios (default: all, in this order): cc-rs256 cc-es256 refresh refresh-es256 introspect jwks gateway
#   cc-rs256   client_credentials grant, access token signed RS256
#   cc-es256   client_credentials grant, access token signed ES256 (per-client setting on both sides)
#   refresh    refresh_token grant with rotation (single-use refresh tokens on both sides), scope openid
#   refresh-es256  the same with access and ID tokens signed ES256 (client-0-es256 on both sides)
#   introspect RFC 7662 introspection of an active access token by a confidential client
#   jwks       GET of the realm's JWK Set
#   gateway    cc-rs256 through Arbor's gateway (:8080) instead of federation-service (:8081)
#
# Each scenario: wrk -t1 -c16 for BENCH_WARMUP s (warm-up, not counted), then BENCH_DURATION s
# measured (defaults 5 and 15; --smoke: 2 and 3), Keycloak first then Arbor. Reported: requests/s,
# p50/p99 latency (wrk --latency), server CPU-ms per request from /proc/<pid>/stat (utime+stime)
# before and after the measured run, and the CPU of the backing stores (PostgreSQL, Redis, Kafka)
# per request. Ends with a Markdown table and the ratios Arbor/Keycloak.
#
# Keycloak: org.keycloak:keycloak-quarkus-dist:26.5.6:zip fetched from Maven Central with the Maven
# wrapper into target/bench/keycloak, production mode (kc.sh build --db=postgres; start --optimized)
# on the same PostgreSQL in its own database keycloak_bench (re-created each run), plain HTTP on
# 127.0.0.1:18180, realm bench/keycloak-bench-realm.json plus an ES256 twin of cc-client and
# single-use refresh tokens (revokeRefreshToken=true, refreshTokenMaxReuse=0).
# Arbor: reuses a running Arbor that serves realm bench (bench/arbor-bench-realm.yaml), else starts a
# throw-away instance with the local realms plus that one (ARBOR_SKIP_BUILD=1 is passed through).
# Installs wrk and jq with apt-get when missing. Measure on an otherwise idle machine.
# BENCH_PROFILE=1 also records a JFR profile of every measured server JVM during the measured run
# (target/bench/jfr/<scenario>-<side>-<pid>.jfr) and prints its hot methods (jfr view hot-methods).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
WORK="$ROOT/target/bench"
KC_VERSION=26.5.6
KC_HOME="$WORK/keycloak/keycloak-$KC_VERSION"
KC_PORT=18180
KC_DATABASE=keycloak_bench
KC="http://127.0.0.1:$KC_PORT/realms/bench/protocol/openid-connect"
ARBOR="http://127.0.0.1:8081/realms/bench/oauth2"
GATEWAY="http://127.0.0.1:8080/realms/bench/oauth2"
PUBLIC="http://localhost:8080"          # the login journey runs on Arbor's public origin (cookies)
REDIRECT_URI="http://127.0.0.1:18999/cb"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-15}" WARMUP="${BENCH_WARMUP:-5}"
ALL_SCENARIOS=(cc-rs256 cc-es256 refresh refresh-es256 introspect jwks gateway)
REFRESH_CLIENT=client-0

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

scenarios=()
for arg in "$@"; do
  case "$arg" in
    --smoke) DURATION=3 WARMUP=2 ;;
    cc-rs256|cc-es256|refresh|refresh-es256|introspect|jwks|gateway) scenarios+=("$arg") ;;
    *) die "unknown argument '$arg' (scenarios: ${ALL_SCENARIOS[*]}; option --smoke)" ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=("${ALL_SCENARIOS[@]}")
mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

cleanup=()
on_exit() { local c; for c in "${cleanup[@]}"; do eval "$c" >/dev/null 2>&1 || true; done; }
trap on_exit EXIT

# --- tools ------------------------------------------------------------------------------------

ensure_tools() {
  local missing=() tool
  for tool in wrk jq unzip curl openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt-get ..."
    apt-get install -y "${missing[@]}" >/dev/null || die "could not install ${missing[*]}"
  fi
  [ -x "$JAVA_HOME/bin/java" ] || die "JDK 25 not found at $JAVA_HOME"
}

# --- Keycloak ---------------------------------------------------------------------------------

fetch_keycloak() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return
  say "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central ..."
  "$ROOT/mvnw" -B -q -ntp -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK/keycloak" \
    || die "could not fetch Keycloak"
  (cd "$WORK/keycloak" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip")
}

kc_env() {
  export JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED"
  export KC_DB=postgres KC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$KC_DATABASE" KC_DB_USERNAME=postgres KC_DB_PASSWORD=postgres
}

start_keycloak() {
  kc_env
  if [ ! -f "$WORK/keycloak/built-for-postgres" ]; then
    say "building Keycloak for PostgreSQL (once) ..."
    "$KC_HOME/bin/kc.sh" build --db=postgres > "$WORK/keycloak-build.log" 2>&1 || die "kc.sh build failed; see $WORK/keycloak-build.log"
    touch "$WORK/keycloak/built-for-postgres"
  fi
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$KC_DATABASE" 2>/dev/null
  createdb -h 127.0.0.1 -U postgres "$KC_DATABASE"
  cleanup+=("dropdb -h 127.0.0.1 -U postgres --if-exists --force $KC_DATABASE")
  mkdir -p "$KC_HOME/data/import"
  # The reference realm, plus an ES256 twin of cc-client and single-use (rotated) refresh tokens as Arbor's.
  jq '.revokeRefreshToken = true | .refreshTokenMaxReuse = 0
      | .clients += [(.clients[] | select(.clientId == "cc-client")
                      | .clientId = "cc-client-es256"
                      | .attributes = {"access.token.signed.response.alg": "ES256"})]
      | .clients += [(.clients[] | select(.clientId == "client-0")
                      | .clientId = "client-0-es256"
                      | .attributes = {"access.token.signed.response.alg": "ES256",
                                       "id.token.signed.response.alg": "ES256"})]' \
    "$ROOT/bench/keycloak-bench-realm.json" > "$KC_HOME/data/import/bench-realm.json"
  say "starting Keycloak $KC_VERSION (production mode) on :$KC_PORT ..."
  "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --hostname-strict=false --import-realm > "$WORK/keycloak.log" 2>&1 &
  local launcher=$!
  cleanup=("pkill -TERM -P $launcher; sleep 3; pkill -KILL -P $launcher; kill $launcher" "${cleanup[@]}")
  local deadline=$((SECONDS + 300))
  until curl -fs -o /dev/null "$KC/certs"; do
    kill -0 "$launcher" 2>/dev/null || { tail -30 "$WORK/keycloak.log" >&2; die "Keycloak exited; see $WORK/keycloak.log"; }
    [ $SECONDS -lt $deadline ] || die "Keycloak was not ready in 300 s; see $WORK/keycloak.log"
    sleep 1
  done
  # kc.sh runs the JVM as its child: that is the process whose CPU is counted.
  KC_PID=$(pgrep -P "$launcher" -x java || echo "$launcher")
  [ "$(cat "/proc/$KC_PID/comm")" = java ] || die "could not find Keycloak's JVM (launcher pid $launcher)"
}

# --- Arbor ------------------------------------------------------------------------------------

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"; }

start_arbor() {
  if ready 8081; then
    curl -fs -o /dev/null "$ARBOR/jwks" \
      || die "a running Arbor does not serve realm bench: stop it (./arbor down) and rerun, or start it with ARBOR_REALMS_DIR holding bench/arbor-bench-realm.yaml"
    ARBOR_PIDS="${ARBOR_STATE_DIR:-$ROOT/.arbor}/pids"
    say "reusing the running Arbor (pids in $ARBOR_PIDS)"
    return
  fi
  export ARBOR_STATE_DIR="$WORK/arbor-state"
  export ARBOR_INSTANCE="arbor_bench_$(date +%s)"
  export ARBOR_REALMS_DIR="$WORK/arbor-realms"
  rm -rf "$ARBOR_STATE_DIR" "$ARBOR_REALMS_DIR"
  mkdir -p "$ARBOR_REALMS_DIR"
  cp "$ROOT"/deploy/local/realms/*.yaml "$ARBOR_REALMS_DIR/"
  cp "$ROOT/bench/arbor-bench-realm.yaml" "$ARBOR_REALMS_DIR/bench.yaml"
  cleanup+=("./arbor down" "'$JAVA_HOME/bin/java' -cp \"\$(ls token-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)\" bench/DropDatabase.java $ARBOR_INSTANCE"
            "redis-cli --scan --pattern '$ARBOR_INSTANCE:*' | xargs -r redis-cli del")
  say "starting a throw-away Arbor ($ARBOR_INSTANCE) ..."
  ./arbor up --detach > "$WORK/arbor-up.log" 2>&1 || { tail -20 "$WORK/arbor-up.log" >&2; die "./arbor up failed"; }
  ARBOR_PIDS="$ARBOR_STATE_DIR/pids"
}

arbor_pid() { cat "$ARBOR_PIDS/$1.pid"; }

# --- tokens -----------------------------------------------------------------------------------

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
basic() { printf '%s' "$1:$2" | base64 -w0; }

token_field() { # url, field, curl args...
  local url="$1" field="$2"; shift 2
  curl -s "$@" "$url" | jq -r --arg f "$field" '.[$f] // empty'
}

jwt_alg() { # the alg of a compact JWS
  local header="${1%%.*}"
  while [ $(( ${#header} % 4 )) -ne 0 ]; do header="$header="; done
  printf '%s' "$header" | tr '_-' '/+' | base64 -d 2>/dev/null | jq -r .alg
}

keycloak_refresh_token() {
  token_field "$KC/token" refresh_token -u "$REFRESH_CLIENT:client-0-secret" -d grant_type=password \
    -d username=user-0 -d password=user-0-password -d scope=openid
}

ARBOR_JAR="$WORK/arbor-cookies.txt"
# A login over HTTP as the UI does it (authorize, the journey of the login tree, resume), then the
# code at the token endpoint. After the first login the SSO session answers authorize at once.
arbor_refresh_token() {
  local verifier challenge location flow step i success code
  verifier=$(head -c 32 /dev/urandom | b64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$ARBOR_JAR" -c "$ARBOR_JAR" \
    "$PUBLIC/realms/bench/oauth2/authorize?response_type=code&client_id=$REFRESH_CLIENT&redirect_uri=$(jq -rn --arg u "$REDIRECT_URI" '$u|@uri')&scope=openid&state=s&nonce=n&code_challenge=$challenge&code_challenge_method=S256")
  if [[ "$location" != "$REDIRECT_URI"* ]]; then
    flow=$(sed -n 's/.*[?&]flow=\([^&]*\).*/\1/p' <<< "$location")
    [ -n "$flow" ] || { say "authorize did not lead to a login: '$location'"; return 1; }
    step=$(curl -s -b "$ARBOR_JAR" -c "$ARBOR_JAR" -H 'Content-Type: application/json' -X POST --data '' \
      "$PUBLIC/realms/bench/authenticate?flow=$flow")
    for i in 1 2 3 4 5; do
      jq -e '.authId' <<< "$step" >/dev/null 2>&1 || break
      step=$(jq -c '(.callbacks[] | select(.type == "NameCallback") | .input[0].value) = "user-0"
                  | (.callbacks[] | select(.type == "PasswordCallback") | .input[0].value) = "user-0-password"' <<< "$step" \
        | curl -s -b "$ARBOR_JAR" -c "$ARBOR_JAR" -H 'Content-Type: application/json' -X POST --data @- \
          "$PUBLIC/realms/bench/authenticate?flow=$flow")
    done
    success=$(jq -r '.successUrl // empty' <<< "$step")
    [ -n "$success" ] || { say "the login journey did not succeed: $step"; return 1; }
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$ARBOR_JAR" -c "$ARBOR_JAR" "$success")
  fi
  code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<< "$location")
  [ -n "$code" ] || { say "no code in '$location'"; return 1; }
  token_field "$ARBOR/token" refresh_token -u "$REFRESH_CLIENT:client-0-secret" -d grant_type=authorization_code \
    -d "code=$code" --data-urlencode "redirect_uri=$REDIRECT_URI" -d "code_verifier=$verifier"
}

refresh_pool() { # side, file: two fresh refresh tokens per connection (see bench/wrk/refresh.lua)
  local side="$1" file="$2" i token
  : > "$file"
  for i in $(seq 1 $((2 * CONNECTIONS))); do
    token=$("${side}_refresh_token") || true
    [ -n "$token" ] || return 1
    echo "$token" >> "$file"
  done
}

# --- measuring --------------------------------------------------------------------------------

cpu_ticks() { # pids...: utime+stime in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

backing_pids() { # PostgreSQL and Redis processes, plus Arbor's Kafka broker when it is the one measured
  pgrep -x postgres || true
  pgrep -x redis-server || true
  [ "$1" = arbor ] && arbor_pid kafka || true
}

to_ms() { # a wrk latency like 7.61ms, 980.00us, 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# run_wrk side scenario url lua pids...  → appends a row to $RESULTS
run_wrk() {
  local side="$1" scenario="$2" url="$3" lua="$4"; shift 4
  local pids=("$@") hz out before after before_b after_b requests rps p50 p99 non2xx cpu backing
  hz=$(getconf CLK_TCK)
  [ "$WARMUP" -gt 0 ] && wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" ${lua:+-s "$lua"} "$url" > /dev/null
  if [[ "$scenario" = refresh* ]]; then
    refresh_pool "$side" "$BENCH_TOKENS" || { say "$side: could not get refresh tokens"; return 1; }
  fi
  [ -n "${BENCH_PROFILE:-}" ] && profile_start "$scenario" "$side" "${pids[@]}"
  before=$(cpu_ticks "${pids[@]}"); before_b=$(cpu_ticks $(backing_pids "$side"))
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${lua:+-s "$lua"} "$url")
  after=$(cpu_ticks "${pids[@]}"); after_b=$(cpu_ticks $(backing_pids "$side"))
  [ -n "${BENCH_PROFILE:-}" ] && profile_stop "$scenario" "$side" "${pids[@]}"
  grep -E '^(starved|first error):' <<< "$out" | sed "s/^/bench: $scenario $side: /" >&2 || true
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  if [ "${requests:-0}" -eq 0 ]; then
    say "$scenario $side: no request completed:"; echo "$out" >&2
    printf '%s\t%s\tn/a\tn/a\tn/a\tn/a\tn/a\tn/a\n' "$scenario" "$side" >> "$RESULTS"
    return 0
  fi
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<< "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out"); non2xx=${non2xx:-0}
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
  backing=$(awk -v t=$((after_b - before_b)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$side" "$rps" "$p50" "$p99" "$cpu" "$backing" "$non2xx" >> "$RESULTS"
  say "$(printf '%-10s %-8s %7s req/s  p50 %6s ms  p99 %6s ms  CPU %s ms/req  backing %s ms/req  non-2xx %s' \
    "$scenario" "$side" "$rps" "$p50" "$p99" "$cpu" "$backing" "$non2xx")"
}

# JFR (the JDK's own profiler) on each measured JVM for the measured run only; the profile lands in
# target/bench/jfr and its hot methods are printed, to say what bounds a scenario.
profile_start() { # scenario, side, pids...
  local scenario="$1" side="$2" pid; shift 2
  mkdir -p "$WORK/jfr"
  for pid in "$@"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=bench settings=profile \
      filename="$WORK/jfr/$scenario-$side-$pid.jfr" > /dev/null || say "could not start JFR in $pid"
  done
}

profile_stop() { # scenario, side, pids...
  local scenario="$1" side="$2" pid file; shift 2
  for pid in "$@"; do
    file="$WORK/jfr/$scenario-$side-$pid.jfr"
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=bench > /dev/null || continue
    say "$scenario $side: hot methods of pid $pid ($(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o '[a-z-]*/target/quarkus-app\|keycloak' | head -1)), $file"
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$file" 2>/dev/null | sed -n '1,16p' >&2 || true
  done
}

form_scenario() { # scenario, KC url, Arbor url, client, secret, body
  local scenario="$1" kc_url="$2" arbor_url="$3" client="$4" secret="$5" body="$6"
  export BENCH_AUTH="Basic $(basic "$client" "$secret")" BENCH_BODY="$body"
  run_wrk keycloak "$scenario" "$kc_url" "$ROOT/bench/wrk/form.lua" "$KC_PID"
  run_wrk arbor "$scenario" "$arbor_url" "$ROOT/bench/wrk/form.lua" "$(arbor_pid federation-service)" "$(arbor_pid token-service)"
}

note_alg() { # scenario, KC token endpoint args..., then Arbor
  local scenario="$1" client="$2" kc_alg arbor_alg
  kc_alg=$(jwt_alg "$(token_field "$KC/token" access_token -u "$client:cc-secret" -d grant_type=client_credentials)")
  arbor_alg=$(jwt_alg "$(token_field "$ARBOR/token" access_token -u "$client:cc-secret" -d grant_type=client_credentials)")
  printf '%s\talg\t%s\t%s\n' "$scenario" "$kc_alg" "$arbor_alg" >> "$RESULTS"
  [ "$kc_alg" = "$arbor_alg" ] || say "WARNING $scenario: Keycloak signs $kc_alg, Arbor signs $arbor_alg: not the same work"
}

scenario_cc-rs256() {
  note_alg cc-rs256 cc-client
  form_scenario cc-rs256 "$KC/token" "$ARBOR/token" cc-client cc-secret grant_type=client_credentials
}

scenario_cc-es256() {
  note_alg cc-es256 cc-client-es256
  form_scenario cc-es256 "$KC/token" "$ARBOR/token" cc-client-es256 cc-secret grant_type=client_credentials
}

# Warmed with sequential requests, not with wrk: when wrk stops it aborts the requests in flight,
# and on 2026-11-26 the gateway stopped answering after that (upstream connections not returned to
# its pool). One measured wrk run still works; run this scenario last.
scenario_gateway() {
  export BENCH_AUTH="Basic $(basic cc-client cc-secret)" BENCH_BODY=grant_type=client_credentials
  local i
  for i in $(seq 1 $((WARMUP * 100))); do
    curl -s -o /dev/null -H "Authorization: $BENCH_AUTH" -d "$BENCH_BODY" "$GATEWAY/token"
  done
  WARMUP=0 run_wrk arbor gateway "$GATEWAY/token" "$ROOT/bench/wrk/form.lua" \
    "$(arbor_pid gateway)" "$(arbor_pid federation-service)" "$(arbor_pid token-service)"
}

scenario_introspect() {
  local kc_token arbor_token
  kc_token=$(token_field "$KC/token" access_token -u cc-client:cc-secret -d grant_type=client_credentials)
  arbor_token=$(token_field "$ARBOR/token" access_token -u cc-client:cc-secret -d grant_type=client_credentials)
  curl -s -u cc-client:cc-secret -d "token=$kc_token" "$KC/token/introspect" | jq -e .active >/dev/null \
    || die "Keycloak does not answer active:true for its token"
  curl -s -u cc-client:cc-secret -d "token=$arbor_token" "$ARBOR/introspect" | jq -e .active >/dev/null \
    || die "Arbor does not answer active:true for its token"
  export BENCH_AUTH="Basic $(basic cc-client cc-secret)"
  BENCH_BODY="token=$kc_token" run_wrk keycloak introspect "$KC/token/introspect" "$ROOT/bench/wrk/form.lua" "$KC_PID"
  BENCH_BODY="token=$arbor_token" run_wrk arbor introspect "$ARBOR/introspect" "$ROOT/bench/wrk/form.lua" \
    "$(arbor_pid federation-service)" "$(arbor_pid token-service)"
}

scenario_jwks() {
  run_wrk keycloak jwks "$KC/certs" "" "$KC_PID"
  run_wrk arbor jwks "$ARBOR/jwks" "" "$(arbor_pid federation-service)" "$(arbor_pid token-service)"
}

# Rotation makes refresh tokens single-use on both sides (Keycloak: revokeRefreshToken=true,
# refreshTokenMaxReuse=0), so wrk/refresh.lua keeps a pool of live tokens (two per connection) and
# replaces each with the one the answer carries; both pools start from fresh logins (Keycloak:
# password grant on client-0; Arbor: a login over HTTP), scope openid on both, so each refresh
# issues an access token, an ID token and a new refresh token on both sides.
refresh_scenario() { # scenario, client
  local scenario="$1" side url check algs=()
  REFRESH_CLIENT="$2"
  export BENCH_AUTH="Basic $(basic "$REFRESH_CLIENT" client-0-secret)" BENCH_TOKENS="$WORK/refresh-tokens.txt"
  for side in keycloak arbor; do
    url=$([ "$side" = keycloak ] && echo "$KC/token" || echo "$ARBOR/token")
    check=$(curl -s -u "$REFRESH_CLIENT:client-0-secret" -d grant_type=refresh_token \
      --data-urlencode "refresh_token=$("${side}_refresh_token" || true)" "$url")
    if ! jq -e '.refresh_token and .access_token' <<< "$check" >/dev/null 2>&1; then
      say "$side: the refresh grant does not work here, skipped: $(head -c 300 <<< "$check")"
      printf '%s\t%s\tn/a\tn/a\tn/a\tn/a\tn/a\tn/a\n' "$scenario" "$side" >> "$RESULTS"
      continue
    fi
    jq -e .id_token <<< "$check" >/dev/null || say "$side: the refresh answer carries no id_token"
    algs+=("$(jwt_alg "$(jq -r .access_token <<< "$check")")")
    refresh_pool "$side" "$BENCH_TOKENS" || { say "$side: could not get refresh tokens"; continue; }
    if [ "$side" = keycloak ]; then
      run_wrk keycloak "$scenario" "$url" "$ROOT/bench/wrk/refresh.lua" "$KC_PID"
    else
      run_wrk arbor "$scenario" "$url" "$ROOT/bench/wrk/refresh.lua" "$(arbor_pid federation-service)" "$(arbor_pid token-service)"
    fi
  done
  [ ${#algs[@]} -eq 2 ] && printf '%s\talg\t%s\t%s\n' "$scenario" "${algs[0]}" "${algs[1]}" >> "$RESULTS" || true
  rm -f "$ARBOR_JAR" # the next client logs in afresh
}

scenario_refresh() { refresh_scenario refresh client-0; }
scenario_refresh-es256() { refresh_scenario refresh-es256 client-0-es256; }

# --- report -----------------------------------------------------------------------------------

report() {
  local nproc_; nproc_=$(nproc)
  echo
  echo "Arbor vs Keycloak $KC_VERSION — $(date -u +%FT%TZ), $nproc_ CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "wrk -t1 -c$CONNECTIONS, ${WARMUP} s warm-up + ${DURATION} s measured; Arbor = federation-service :8081 (+ token-service)"
  echo
  echo "| scenario | alg (KC / Arbor) | Keycloak req/s | Arbor req/s | **Arbor/KC** | KC p50 / p99 ms | Arbor p50 / p99 ms | KC CPU-ms/req | Arbor CPU-ms/req | Arbor/KC CPU | backing CPU-ms/req (KC / Arbor) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '
    $2 == "alg" { alg[$1] = $3 " / " $4; next }
    { key = $1; if (!(key in order)) { order[key] = ++n; names[n] = key }
      rps[key, $2] = $3; p50[key, $2] = $4; p99[key, $2] = $5; cpu[key, $2] = $6; back[key, $2] = $7; bad[key, $2] = $8 }
    function ratio(a, b) { return (a + 0 > 0 && b + 0 > 0) ? sprintf("%.2f×", a / b) : "—" }
    function cell(v, k, s) { return v == "" ? "—" : v (bad[k, s] + 0 > 0 ? " (" bad[k, s] " non-2xx)" : "") }
    END {
      for (i = 1; i <= n; i++) {
        k = names[i]
        printf "| %s | %s | %s | %s | **%s** | %s | %s | %s | %s | %s | %s |\n", k, (k in alg ? alg[k] : "—"),
          cell(rps[k, "keycloak"], k, "keycloak"), cell(rps[k, "arbor"], k, "arbor"),
          ratio(rps[k, "arbor"], rps[k, "keycloak"]),
          (p50[k, "keycloak"] == "" ? "—" : p50[k, "keycloak"] " / " p99[k, "keycloak"]),
          (p50[k, "arbor"] == "" ? "—" : p50[k, "arbor"] " / " p99[k, "arbor"]),
          (cpu[k, "keycloak"] == "" ? "—" : cpu[k, "keycloak"]), (cpu[k, "arbor"] == "" ? "—" : cpu[k, "arbor"]),
          ratio(cpu[k, "arbor"], cpu[k, "keycloak"]),
          (back[k, "keycloak"] == "" ? "—" : back[k, "keycloak"]) " / " (back[k, "arbor"] == "" ? "—" : back[k, "arbor"])
      }
    }' "$RESULTS"
  echo
  echo "gateway row: Arbor only, through the gateway (:8080); its CPU is gateway + federation + token."
  echo "Raw rows: $RESULTS; Keycloak log: $WORK/keycloak.log"
}

ensure_tools
fetch_keycloak
start_arbor
start_keycloak
rm -f "$ARBOR_JAR"
for scenario in "${scenarios[@]}"; do
  say "--- $scenario"
  "scenario_$scenario"
done
report
