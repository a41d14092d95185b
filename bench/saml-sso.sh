#!/usr/bin/env bash
# SAML SP-initiated SSO inside an SSO session (HTTP-Redirect AuthnRequest signed by the SP → signed,
# optionally AES-256-GCM encrypted Response): latency, server CPU per Response per service, throughput.
#   bench/saml-sso.sh [warm-up] [requests]      (defaults 200, 1000)
# Uses a throw-away instance (its own database, Redis prefix and state dir) and stops it afterwards;
# the services must be packaged (./arbor builds them when missing). Needs openssl for the SP's key pair.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
export ARBOR_STATE_DIR="$PWD/target/bench-saml-state"
export ARBOR_INSTANCE="arbor_bench_saml_$(date +%s)"
export ARBOR_ADMIN_CLIENT_SECRET="bench-admin-$(openssl rand -hex 16)"
rm -rf "$ARBOR_STATE_DIR"
mkdir -p "$ARBOR_STATE_DIR"
trap './arbor down >/dev/null; "$java_home/bin/java" -cp "$(ls token-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)" \
  bench/DropDatabase.java "$ARBOR_INSTANCE" >/dev/null 2>&1 || true' EXIT
openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 2 -subj "/CN=Arbor SAML bench SP" \
  -keyout "$ARBOR_STATE_DIR/sp.key" -out "$ARBOR_STATE_DIR/sp.crt" 2>/dev/null
./arbor up --detach >/dev/null
"$java_home/bin/java" bench/SamlSsoBench.java http://localhost:8080 "$ARBOR_STATE_DIR/pids" \
  "$ARBOR_STATE_DIR/sp.key" "$ARBOR_STATE_DIR/sp.crt" "$ARBOR_ADMIN_CLIENT_SECRET" "${1:-200}" "${2:-1000}"
