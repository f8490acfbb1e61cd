#!/usr/bin/env bash
# Benchmark: this server against Seam's own fake (@seamapi/fake-seam-connect 1.86.0 --seed), the same wrk loads on
# both, and this server again with 1 thousand, 100 thousand and 1 million client sessions in the seed workspace.
# Prints one table (requests/s, p50 and p99 latency, server RSS, ours/fake) and checks the targets of BENCHMARKS.md.
#
#   bench/run.sh                                   full run (about 25 minutes on 2 cores)
#   BENCH_SECONDS=3 BENCH_WARMUP_SECONDS=1 BENCH_JIT_WARMUP_SECONDS=2 BENCH_LEVELS=1000 bench/run.sh
#                                                  smoke run (about 2 minutes)
#
# Settings (environment):
#   BENCH_SECONDS=15            measured seconds per load
#   BENCH_WARMUP_SECONDS=8      unmeasured seconds of the same load just before it is measured
#   BENCH_JIT_WARMUP_SECONDS=30 after each start of the server, every load once for this long, unmeasured (on 2
#                               cores C2 needs minutes of CPU to compile the request paths; the fake needs no such pass)
#   BENCH_CONNECTIONS=32        wrk -c
#   BENCH_THREADS=2             wrk -t
#   BENCH_LEVELS="1000 100000 1000000"   sessions in the seed workspace, one fresh database and server per level
#   BENCH_LOADS="health get devices get_or_create list create"   which loads, in this order (create last: it adds
#                               sessions, which must not change what the loads after it measure)
#   BENCH_FAKE=1                also measure Seam's fake, load by load right after this server at the first level (0: skip it)
#   BENCH_EXPLAIN=1             write EXPLAIN (ANALYZE, BUFFERS) of every hot query at every level
#   BENCH_BUILD=1               build the jar first (./mvnw -q -DskipTests package)
#   BENCH_JAVA_OPTS="-Xmx256m"  JVM options of the server
#   BENCH_JAR=                  measure this jar instead of target/seam-emulator-*.jar (e.g. an older build)
#   BENCH_PORT=18090, BENCH_FAKE_PORT=18091
#   BENCH_DB=seam_bench         database, dropped and recreated for every level
#   BENCH_PG_HOST=127.0.0.1 BENCH_PG_PORT=5432 BENCH_PG_USER=postgres   a PostgreSQL with trust authentication
#   BENCH_OUT=target/bench      results.tsv, table.md, explain-<level>.txt, server and fake logs
#   BENCH_FAKE_DIR=~/.cache/seam-bench/fake-seam-connect-1.86.0   where npm installs the fake
#
# Needs: java 17, psql, node + npm (for the fake), wrk (installed with apt-get when missing and running as root;
# otherwise: sudo apt-get install wrk). Every process it starts is stopped on exit, also on Ctrl-C.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

BENCH_SECONDS=${BENCH_SECONDS:-15}
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-8}
BENCH_JIT_WARMUP_SECONDS=${BENCH_JIT_WARMUP_SECONDS:-30}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_LEVELS=${BENCH_LEVELS:-"1000 100000 1000000"}
BENCH_LOADS=${BENCH_LOADS:-"health get devices get_or_create list create"}
BENCH_FAKE=${BENCH_FAKE:-1}
BENCH_EXPLAIN=${BENCH_EXPLAIN:-1}
BENCH_BUILD=${BENCH_BUILD:-1}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx256m"}
BENCH_PORT=${BENCH_PORT:-18090}
BENCH_FAKE_PORT=${BENCH_FAKE_PORT:-18091}
BENCH_DB=${BENCH_DB:-seam_bench}
BENCH_PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
BENCH_PG_PORT=${BENCH_PG_PORT:-5432}
BENCH_PG_USER=${BENCH_PG_USER:-postgres}
BENCH_OUT=${BENCH_OUT:-target/bench}
BENCH_FAKE_DIR=${BENCH_FAKE_DIR:-$HOME/.cache/seam-bench/fake-seam-connect-1.86.0}
FAKE_VERSION=1.86.0
# A fixed AES key, so that the seed session's sealed token is readable in every run (any 32 bytes would do).
TOKEN_KEY=$(printf 'seam-bench-token-encryption-key!' | base64)

case "$BENCH_DB" in seam_bench*) ;; *) echo "BENCH_DB must start with seam_bench (it is dropped)" >&2; exit 2 ;; esac
mkdir -p "$BENCH_OUT"
OUT=$(cd "$BENCH_OUT" && pwd)
RESULTS=$OUT/results.tsv
RUN_ID=$(date +%s)

SERVER_PID=""
FAKE_PID=""
WRK_PID=""

log() { printf '==> %s\n' "$*" >&2; }

stop_pid() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  stop_pid "$WRK_PID"
  stop_pid "$SERVER_PID"
  stop_pid "$FAKE_PID"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" "$@"; }

# --- preflight -------------------------------------------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: install it with 'sudo apt-get install wrk' (Debian/Ubuntu) and run again" >&2
    exit 1
  fi
fi
for tool in java psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
if [[ "$BENCH_FAKE" == 1 ]]; then
  command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed for the fake (or BENCH_FAKE=0)" >&2; exit 1; }
fi
SYNC_COMMIT=$(psql_bench -Atc "show synchronous_commit" postgres)
FSYNC=$(psql_bench -Atc "show fsync" postgres)
if [[ "$SYNC_COMMIT" != on || "$FSYNC" != on ]]; then
  echo "PostgreSQL must run with durable commits (synchronous_commit=$SYNC_COMMIT, fsync=$FSYNC)" >&2
  exit 1
fi

if [[ "$BENCH_BUILD" == 1 && -z "${BENCH_JAR:-}" ]]; then
  log "building the server (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
fi
JAR=${BENCH_JAR:-$(ls "$ROOT"/target/seam-emulator-*.jar | grep -v -- '-plain' | head -1)}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql_bench -Atc 'show server_version' postgres) (synchronous_commit=$SYNC_COMMIT, fsync=$FSYNC)"
  echo "node: $(node --version 2>/dev/null || echo none)"
  echo "wrk: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "server jar: $JAR"
  echo "settings: BENCH_SECONDS=$BENCH_SECONDS BENCH_WARMUP_SECONDS=$BENCH_WARMUP_SECONDS BENCH_JIT_WARMUP_SECONDS=$BENCH_JIT_WARMUP_SECONDS wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, levels: $BENCH_LEVELS, server: $BENCH_JAVA_OPTS"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
printf 'server\tlevel\tload\trequests\trps\tp50_ms\tp99_ms\tmax_ms\thttp_errors\tsocket_errors\trss_mb\tloadavg\tdb_xacts_per_req\tdb_rows_per_req\n' > "$RESULTS"

# --- loads -----------------------------------------------------------------------------------------------------------

# Sets METHOD, URL_PATH, BODY, FRESH, HEADERS (array), EXPECT (a string a correct response contains).
define_load() {
  BODY=""
  FRESH=0
  HEADERS=()
  case "$1" in
    health)
      METHOD=GET URL_PATH=/health EXPECT='"ok":true' ;;
    get) # load 1: the SDK's fromClientSessionToken sends the token in both headers
      METHOD=GET URL_PATH=/client_sessions/get EXPECT='"client_session_id":"cst1"'
      HEADERS=("Authorization: Bearer seam_cst1_token" "client-session-token: seam_cst1_token") ;;
    devices) # load 2
      METHOD=GET URL_PATH=/devices/list EXPECT='"device_id":"august_device_1"'
      HEADERS=("Authorization: Bearer seam_cst1_token" "client-session-token: seam_cst1_token") ;;
    create) # load 3: a user_identifier_key never used before, with every request
      METHOD=PUT URL_PATH=/client_sessions/create EXPECT='"token":"seam_cst' FRESH=1
      HEADERS=("Authorization: Bearer seam_apikey1_token") ;;
    get_or_create) # load 4: the seed user's existing session; the fake 1.86 takes only a publishable key here
      METHOD=POST URL_PATH=/client_sessions/get_or_create EXPECT='"client_session_id":"cst1"'
      BODY='{"user_identifier_key":"john_user_identifier_key"}'
      HEADERS=("seam-publishable-key: seam_pk1_token") ;;
    list) # load 5 (the fake has no /client_sessions/list: 404)
      METHOD=GET URL_PATH='/client_sessions/list?user_identifier_key=john_user_identifier_key'
      EXPECT='"client_session_id":"cst1"'
      HEADERS=("Authorization: Bearer seam_apikey1_token") ;;
    *) echo "unknown load $1" >&2; exit 2 ;;
  esac
}

# One request with curl: prints "ok" or what went wrong.
check_load() {
  local base=$1 args=() body response
  for h in "${HEADERS[@]}"; do args+=(-H "$h"); done
  body=$BODY
  [[ $FRESH == 1 ]] && body="{\"user_identifier_key\":\"bench-check-$RUN_ID-$RANDOM$RANDOM\"}"
  [[ -n "$body" ]] && args+=(-H "Content-Type: application/json" --data "$body")
  response=$(curl -s -o - -w '\n%{http_code}' -X "$METHOD" "${args[@]}" "$base$URL_PATH" || true)
  local code=${response##*$'\n'}
  if [[ "$code" == 200 && "$response" == *"$EXPECT"* ]]; then
    echo ok
  else
    echo "HTTP $code: $(head -c 200 <<<"${response%$'\n'*}" | tr '\n' ' ')"
  fi
}

run_wrk() { # seconds base
  local i=1
  local -a env_args=(WRK_METHOD="$METHOD" WRK_FRESH_KEY="$FRESH" WRK_RUN_ID="$RUN_ID-$RANDOM")
  [[ -n "$BODY" ]] && env_args+=(WRK_BODY="$BODY")
  for h in "${HEADERS[@]}"; do env_args+=("WRK_HEADER_$i=$h"); i=$((i + 1)); done
  env "${env_args[@]}" wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${1}s" --timeout 10s --latency \
    -s "$ROOT/bench/wrk/seam.lua" "$2$URL_PATH" > "$OUT/wrk.out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || true
  WRK_PID=""
  grep '^RESULT' "$OUT/wrk.out" || { cat "$OUT/wrk.out" >&2; echo "RESULT requests=0 seconds=0 rps=0 p50_ms=0 p99_ms=0 max_ms=0 http_errors=0 socket_errors=0"; }
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

# PostgreSQL's counters for the benchmark database: transactions (every statement outside a transaction is one) and
# rows read (tup_returned + tup_fetched: what scans and index lookups returned). Per request, they show whether the
# work per request stays flat as sessions are added. Backends report them within about a second of going idle.
db_counters() {
  if [[ "$1" == ours ]]; then
    psql_bench -Atc "select xact_commit + xact_rollback, tup_returned + tup_fetched from pg_stat_database where datname = '$BENCH_DB'" postgres | tr '|' ' '
  else
    echo "0 0"
  fi
}

# measure SERVER_NAME LEVEL BASE PID LOAD...
measure() {
  local server=$1 level=$2 base=$3 pid=$4
  shift 4
  for load in "$@"; do
    define_load "$load"
    local check
    check=$(check_load "$base")
    if [[ "$check" != ok ]]; then
      log "$server $load: not measured ($check)"
      printf '%s\t%s\t%s\t0\tn/a\tn/a\tn/a\tn/a\tn/a\tn/a\t%s\t%s\tn/a\tn/a\n' "$server" "$level" "$load" "$(rss_mb "$pid")" \
        "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
      continue
    fi
    [[ "$BENCH_WARMUP_SECONDS" -gt 0 ]] && run_wrk "$BENCH_WARMUP_SECONDS" "$base" > /dev/null
    local line before after
    sleep 2
    before=$(db_counters "$server")
    line=$(run_wrk "$BENCH_SECONDS" "$base")
    local rss loadavg
    rss=$(rss_mb "$pid")
    loadavg=$(cut -d' ' -f1 /proc/loadavg)
    sleep 2
    after=$(db_counters "$server")
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${line#RESULT}"; }
    local per_request
    per_request=$(awk -v b="$before" -v a="$after" -v n="$(get requests)" -v s="$server" 'BEGIN {
      split(b, x, " "); split(a, y, " ");
      if (s != "ours" || n <= 0) { printf "n/a\tn/a"; exit }
      printf "%.2f\t%.1f", (y[1] - x[1]) / n, (y[2] - x[2]) / n }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$level" "$load" "$(get requests)" "$(get rps)" \
      "$(get p50_ms)" "$(get p99_ms)" "$(get max_ms)" "$(get http_errors)" "$(get socket_errors)" "$rss" "$loadavg" \
      "$per_request" >> "$RESULTS"
    log "$server level=$level $load: $(get rps) req/s, p50 $(get p50_ms) ms, p99 $(get p99_ms) ms, RSS ${rss} MB, http errors $(get http_errors), load avg $loadavg"
  done
}

wait_http() { # url pid name (up to 5 minutes: a JVM starts slowly on a busy 2-core machine)
  for _ in $(seq 1 600); do
    kill -0 "$2" 2>/dev/null || { echo "$3 exited during start, see $OUT" >&2; exit 1; }
    curl -s -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "$3 did not answer in 300 s" >&2
  exit 1
}

# --- Seam's fake -----------------------------------------------------------------------------------------------------

run_fake() {
  if [[ ! -f "$BENCH_FAKE_DIR/node_modules/@seamapi/fake-seam-connect/dist/server.js" ]]; then
    log "installing @seamapi/fake-seam-connect@$FAKE_VERSION into $BENCH_FAKE_DIR"
    mkdir -p "$BENCH_FAKE_DIR"
    npm install --prefix "$BENCH_FAKE_DIR" --no-save --no-audit --no-fund --loglevel=error \
      "@seamapi/fake-seam-connect@$FAKE_VERSION" > "$OUT/fake-install.log" 2>&1
  fi
  log "starting the fake (the package's bin, as npx runs it: fake-seam-connect --seed) on port $BENCH_FAKE_PORT"
  PORT=$BENCH_FAKE_PORT NODE_ENV=production node "$BENCH_FAKE_DIR/node_modules/@seamapi/fake-seam-connect/dist/server.js" \
    --seed > "$OUT/fake.log" 2>&1 &
  FAKE_PID=$!
  wait_http "http://127.0.0.1:$BENCH_FAKE_PORT/health" "$FAKE_PID" "the fake"
}

stop_fake() {
  stop_pid "$FAKE_PID"
  FAKE_PID=""
}

# --- this server -----------------------------------------------------------------------------------------------------

start_server() { # level
  log "recreating database $BENCH_DB"
  psql_bench -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB" postgres
  log "starting the server ($BENCH_JAVA_OPTS) on port $BENCH_PORT"
  SERVER_PORT=$BENCH_PORT SPRING_DATASOURCE_URL="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$BENCH_DB" \
    SPRING_DATASOURCE_USERNAME=$BENCH_PG_USER SEAM_SEED=true SEAM_TOKEN_ENCRYPTION_KEY=$TOKEN_KEY \
    SEAM_DATA_DIR="$OUT/data" EMULATOR_PURGE_ENABLED=false \
    java $BENCH_JAVA_OPTS -jar "$JAR" > "$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$BENCH_PORT/health" "$SERVER_PID" "the server"
}

bulk_load() { # level
  local n=$(($1 - 1))
  log "bulk-loading $n sessions (with the seed session cst1: $1)"
  local started=$SECONDS
  psql_bench -v n="$n" -f "$ROOT/bench/sql/bulk_sessions.sql" "$BENCH_DB" | tail -3 >&2
  log "bulk load took $((SECONDS - started)) s"
}

explain() { # level
  [[ "$BENCH_EXPLAIN" == 1 ]] || return 0
  log "EXPLAIN ANALYZE of the hot queries -> $OUT/explain-$1.txt"
  psql_bench -f "$ROOT/bench/sql/explain.sql" "$BENCH_DB" > "$OUT/explain-$1.txt" 2>&1
}

jit_warmup() { # base
  [[ "$BENCH_JIT_WARMUP_SECONDS" -gt 0 ]] || return 0
  log "JIT warm-up: every load for $BENCH_JIT_WARMUP_SECONDS s, unmeasured"
  for load in $BENCH_LOADS; do
    define_load "$load"
    run_wrk "$BENCH_JIT_WARMUP_SECONDS" "$1" > /dev/null
  done
}

# The first level also measures the fake, load by load right after this server: on a shared machine whose speed
# drifts from minute to minute (seen here: the same build 40 % apart in runs 20 minutes apart), each ratio then
# compares two measurements taken within the same half minute. The idle one of the two uses no CPU meanwhile.
run_server_level() { # level with_fake
  start_server "$1"
  bulk_load "$1"
  explain "$1"
  jit_warmup "http://127.0.0.1:$BENCH_PORT"
  for load in $BENCH_LOADS; do
    measure ours "$1" "http://127.0.0.1:$BENCH_PORT" "$SERVER_PID" "$load"
    if [[ "$2" == 1 && "$load" != health ]]; then
      measure fake seed "http://127.0.0.1:$BENCH_FAKE_PORT" "$FAKE_PID" "$load"
    fi
  done
  stop_pid "$SERVER_PID"
  SERVER_PID=""
}

with_fake=$BENCH_FAKE
if [[ "$with_fake" == 1 ]]; then
  run_fake
fi
for level in $BENCH_LEVELS; do
  run_server_level "$level" "$with_fake"
  if [[ "$with_fake" == 1 ]]; then
    stop_fake
    with_fake=0
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# --- report ----------------------------------------------------------------------------------------------------------

LEVELS="$BENCH_LEVELS" awk -F'\t' -f "$ROOT/bench/report.awk" "$RESULTS" | tee "$OUT/table.md"
