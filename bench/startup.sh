#!/usr/bin/env bash
# Start-up benchmark: how long the server takes from launch to its first GET /health 200, on a fresh data directory
# (embedded PostgreSQL's initdb included) and on a restart, the median of several runs; the server's RSS right after
# start; and how fast it answers in its first 10 seconds compared with later.
#
#   bench/startup.sh                               5 fresh + 5 restarts, then the first-10-s rate (about 4 minutes)
#   STARTUP_RUNS=3 STARTUP_WARM=0 bench/startup.sh ready times and RSS only
#   STARTUP_CMD='java -jar target/seam-emulator-0.1.0-SNAPSHOT.jar' bench/startup.sh      plain java -jar
#
# Settings (environment):
#   STARTUP_CMD=bin/seam-emulator   how to start the server (the launcher: class data sharing and the JVM defaults)
#   STARTUP_RUNS=5                  runs per case; the table shows the median, the minimum and the maximum
#   STARTUP_CASES="fresh restart"   fresh: an empty data directory every run; restart: the one the first run created;
#                                   empty: only the first-10-s rate
#   STARTUP_SEED=0                  1: SEAM_SEED=true for the ready times too (the first-10-s part always seeds)
#   STARTUP_WARM=1                  also measure the first-10-s rate against the warm rate (wrk, GET /client_sessions/get
#                                   with the seed's client session token, -t2 -c32)
#   STARTUP_WARM_SECONDS=60         unmeasured load between the first 10 s and the warm measurement
#   STARTUP_PORT=18092
#   STARTUP_TIMEOUT=600             seconds to wait for /health before giving up
#   STARTUP_OUT=target/bench/startup   results.tsv, summary.md, server logs
#
# The ready time is wall-clock from launch to the first 200 of /health (polled every 20 ms); cpu_s is the CPU the JVM
# and the children it waited for (initdb) had used by then, which depends less on what else the machine runs. RSS is
# the JVM's VmRSS one second after ready; the embedded PostgreSQL's processes are not included (their RSS is listed
# separately), and its anonymous part (RssAnon: heap, metaspace, code cache, stacks; without mapped files such as the
# class data sharing archive, whose pages the page cache shares). Every process it starts is stopped on exit, also on Ctrl-C.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

STARTUP_CMD=${STARTUP_CMD:-bin/seam-emulator}
STARTUP_RUNS=${STARTUP_RUNS:-5}
STARTUP_CASES=${STARTUP_CASES-"fresh restart"}
STARTUP_SEED=${STARTUP_SEED:-0}
STARTUP_WARM=${STARTUP_WARM:-1}
STARTUP_WARM_SECONDS=${STARTUP_WARM_SECONDS:-60}
STARTUP_PORT=${STARTUP_PORT:-18092}
STARTUP_OUT=${STARTUP_OUT:-target/bench/startup}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-600}

mkdir -p "$STARTUP_OUT"
OUT=$(cd "$STARTUP_OUT" && pwd)
DATA=$OUT/data
RESULTS=$OUT/results.tsv
BASE=http://127.0.0.1:$STARTUP_PORT
CLK_TCK=$(getconf CLK_TCK)

SERVER_PID=""
WRK_PID=""

log() { printf '==> %s\n' "$*" >&2; }

stop_pid() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  stop_pid "$WRK_PID"
  stop_pid "$SERVER_PID"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ "$STARTUP_WARM" == 1 ]] && ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: install it with 'sudo apt-get install wrk' (or STARTUP_WARM=0)" >&2
    exit 1
  fi
fi

# The JVM's pid: the launcher may be a script that execs java, so follow the process started.
jvm_pid() { # pid
  local pid=$1 child
  for _ in 1 2 3; do
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == java ]] && { echo "$pid"; return; }
    child=$(pgrep -P "$pid" -n java 2>/dev/null || true)
    [[ -n "$child" ]] && { echo "$child"; return; }
    sleep 0.01
  done
  echo "$pid"
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
# The part of the RSS that is the process's own memory (heap, metaspace, code, stacks): without the mapped files (the
# jar, the class data sharing archive, libraries), which the page cache shares with other processes.
anon_mb() { awk '/^RssAnon/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

# utime + stime + cutime + cstime of a process, in seconds.
cpu_s() { awk -v tck="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# RSS of the embedded PostgreSQL (every process whose command line names the data directory), in MB.
pg_rss_mb() {
  local total=0 pid
  for pid in $(pgrep -f -- "-D $DATA/postgres" 2>/dev/null || true); do
    total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

now_ms() { date +%s%3N; }

# Starts the server, waits for /health 200; sets SERVER_PID, READY_MS, CPU_S, RSS_MB, ANON_MB, PG_RSS_MB.
start_server() { # log-file seed
  local started
  started=$(now_ms)
  # shellcheck disable=SC2086
  SERVER_PORT=$STARTUP_PORT SEAM_DATA_DIR=$DATA SEAM_SEED=$([[ $2 == 1 ]] && echo true || echo false) \
    SPRING_DATASOURCE_URL= $STARTUP_CMD > "$1" 2>&1 &
  SERVER_PID=$!
  until curl -fs -o /dev/null "$BASE/health"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$1" >&2; echo "the server exited before it was ready" >&2; exit 1; }
    (( $(now_ms) - started > STARTUP_TIMEOUT * 1000 )) && { echo "not ready after $STARTUP_TIMEOUT s" >&2; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( $(now_ms) - started ))
  local jvm
  jvm=$(jvm_pid "$SERVER_PID")
  CPU_S=$(cpu_s "$jvm")
  sleep 1
  RSS_MB=$(rss_mb "$jvm")
  ANON_MB=$(anon_mb "$jvm")
  PG_RSS_MB=$(pg_rss_mb)
}

stop_server() { stop_pid "$SERVER_PID"; SERVER_PID=""; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java on PATH: $(java -version 2>&1 | head -1)"
  echo "command: $STARTUP_CMD"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt" >&2
printf 'case\trun\tready_ms\tcpu_s\trss_mb\tpg_rss_mb\tloadavg\tanon_mb\n' > "$RESULTS"

for case in $STARTUP_CASES; do
  rm -rf "$DATA"
  if [[ "$case" == restart ]]; then
    log "restart: creating the data directory once"
    start_server "$OUT/server-$case-0.log" "$STARTUP_SEED"
    stop_server
  fi
  for run in $(seq 1 "$STARTUP_RUNS"); do
    [[ "$case" == fresh ]] && rm -rf "$DATA"
    start_server "$OUT/server-$case-$run.log" "$STARTUP_SEED"
    loadavg=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$run" "$READY_MS" "$CPU_S" "$RSS_MB" "$PG_RSS_MB" "$loadavg" \
      "$ANON_MB" >> "$RESULTS"
    log "$case #$run: ready in $READY_MS ms (JVM CPU ${CPU_S} s), RSS $RSS_MB MB ($ANON_MB MB anonymous), PostgreSQL $PG_RSS_MB MB, load $loadavg"
    stop_server
  done
done

# Median (and min, max) of one column for one case.
stats() { # case column
  awk -F'\t' -v c="$1" -v col="$2" 'NR > 1 && $1 == c { print $col }' "$RESULTS" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
             m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s (%s-%s)", m, v[1], v[NR] }'
}

{
  echo "| case | runs | ready ms, median (min-max) | JVM CPU s | JVM RSS MB | of it anonymous MB | PostgreSQL RSS MB |"
  echo "|---|---|---|---|---|---|---|"
  for case in $STARTUP_CASES; do
    echo "| $case | $STARTUP_RUNS | $(stats "$case" 3) | $(stats "$case" 4) | $(stats "$case" 5) | $(stats "$case" 8) | $(stats "$case" 6) |"
  done
} > "$OUT/summary.md"

if [[ "$STARTUP_WARM" == 1 ]]; then
  run_wrk() { # seconds
    env WRK_METHOD=GET "WRK_HEADER_1=Authorization: Bearer seam_cst1_token" \
      "WRK_HEADER_2=client-session-token: seam_cst1_token" \
      wrk -t2 -c32 -d"${1}s" --timeout 10s --latency -s "$ROOT/bench/wrk/seam.lua" "$BASE/client_sessions/get" \
      > "$OUT/wrk.out" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || true
    WRK_PID=""
    grep '^RESULT' "$OUT/wrk.out" | sed -E 's/.* rps=([0-9.]+).*/\1/' || echo 0
  }
  log "first-10-s rate: seeding a data directory, then a restart with wrk started the moment /health answers"
  rm -rf "$DATA"
  start_server "$OUT/server-warm-0.log" 1
  stop_server
  start_server "$OUT/server-warm.log" 1
  first=$(run_wrk 10)
  log "first 10 s: $first req/s; $STARTUP_WARM_SECONDS s of unmeasured load"
  run_wrk "$STARTUP_WARM_SECONDS" >/dev/null
  warm=$(run_wrk 10)
  rss_loaded=$(rss_mb "$(jvm_pid "$SERVER_PID")")
  stop_server
  ratio=$(awk -v a="$first" -v b="$warm" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  log "warm: $warm req/s; first 10 s / warm = $ratio"
  {
    echo
    echo "| GET /client_sessions/get (wrk -t2 -c32) | req/s |"
    echo "|---|---|"
    echo "| first 10 s after /health answered | $first |"
    echo "| 10 s after $STARTUP_WARM_SECONDS s more of load | $warm |"
    echo "| first 10 s / warm | $ratio |"
    echo "| JVM RSS under this load, MB | $rss_loaded |"
  } >> "$OUT/summary.md"
fi

cat "$OUT/summary.md"
