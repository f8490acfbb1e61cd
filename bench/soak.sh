#!/usr/bin/env bash
# Soak test: the packaged server against a real PostgreSQL under a mixed client session load for a long while,
# watching errors, heap and RSS. Writes its figures to bench/SOAK.md (override with SOAK_REPORT).
# The PostgreSQL is the soak's own: a cluster made with initdb in a temporary directory, on 127.0.0.1:SOAK_PG_PORT,
# started before the server and removed at the end, so that the soak (and its kill) never touches the machine's
# PostgreSQL or another program's database. Run as root, the cluster runs as nobody (PostgreSQL refuses root).
#
#   bash bench/soak.sh                       # 10 minutes, 4 workers
#   SOAK_SECONDS=60 SOAK_WORKERS=2 bash bench/soak.sh
#
# Settings (environment): SOAK_SECONDS (600), SOAK_WORKERS (4), SOAK_SAMPLES (10 samples between start and end),
# SOAK_PORT (18480), SOAK_PG_PORT (18481, the soak's PostgreSQL), SOAK_PG_BIN (the directory of initdb and pg_ctl:
# `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin), SOAK_DB (seam_soak),
# SOAK_JAVA_OPTS (-Xmx512m), SOAK_REPORT (bench/SOAK.md), SOAK_NOTE (a paragraph added to the report),
# SOAK_SLOW (0): that many slow clients dribbling bodies without a credential the whole time (bench/slow_clients.py),
# SOAK_DB_KILL_AT (0 = never): seconds into the run at which the soak's PostgreSQL is killed (`pg_ctl stop -m
# immediate`: no checkpoint, every backend gone, as after a crash) and started again SOAK_DB_DOWN (5) seconds later.
#
#   SOAK_SLOW=200 SOAK_DB_KILL_AT=300 bash bench/soak.sh    the reliability soak: load + 200 slow clients + one kill
# The load (bench/SoakLoad.java, plain JDK): create, token read, list by user_identifier_key, revoke; see its header.
# Heap is read with jcmd GC.heap_info twice per sample: as found, and after a full GC (jcmd GC.run), which is the
# figure that shows a leak. RSS is VmRSS from /proc/<pid>/status.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_WORKERS=${SOAK_WORKERS:-4}
SOAK_SAMPLES=${SOAK_SAMPLES:-10}
SOAK_PORT=${SOAK_PORT:-18480}
SOAK_DB=${SOAK_DB:-seam_soak}
SOAK_PG_PORT=${SOAK_PG_PORT:-18481}
SOAK_JAVA_OPTS=${SOAK_JAVA_OPTS:--Xmx512m}
SOAK_REPORT=${SOAK_REPORT:-$ROOT/bench/SOAK.md}
SOAK_SLOW=${SOAK_SLOW:-0}
SOAK_DB_KILL_AT=${SOAK_DB_KILL_AT:-0}
SOAK_DB_DOWN=${SOAK_DB_DOWN:-5}
SLOW_PID=""
# Every psql below talks to the soak's own cluster.
PGHOST=127.0.0.1
PGPORT=$SOAK_PG_PORT
PGUSER=postgres
export PGHOST PGPORT PGUSER
unset PGDATABASE PGPASSWORD

if [[ -z "${SOAK_PG_BIN:-}" ]]; then
  SOAK_PG_BIN=$(pg_config --bindir 2>/dev/null || true)
  [[ -x "$SOAK_PG_BIN/initdb" ]] || SOAK_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[[ -x "$SOAK_PG_BIN/initdb" && -x "$SOAK_PG_BIN/pg_ctl" ]] || {
  echo "no initdb/pg_ctl found; set SOAK_PG_BIN to PostgreSQL's bin directory" >&2; exit 1; }

WORK=$(mktemp -d)
# The cluster's directory must be reachable by the user it runs as.
chmod 755 "$WORK"
PGCLUSTER="$WORK/postgres"
APP_PID=""
LOAD_PID=""

as_pg() { # runs a PostgreSQL program as the cluster's user: nobody when we are root, else ourselves
  if [[ $(id -u) == 0 ]]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    "$@"
  fi
}
pg_start() {
  as_pg "$SOAK_PG_BIN/pg_ctl" -D "$PGCLUSTER" -l "$PGCLUSTER/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$SOAK_PG_PORT -c unix_socket_directories=$PGCLUSTER" start > /dev/null
}
pg_stop() { # fast | immediate
  as_pg "$SOAK_PG_BIN/pg_ctl" -D "$PGCLUSTER" -m "$1" -w stop > /dev/null
}

cleanup() {
  [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null || true
  [[ -n "$SLOW_PID" ]] && kill "$SLOW_PID" 2>/dev/null || true
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  [[ -f "$PGCLUSTER/postmaster.pid" ]] && { pg_stop fast 2>/dev/null || pg_stop immediate 2>/dev/null || true; }
  # The server's log stays beside the report, for the errors it counts.
  [[ -f "$WORK/server.log" ]] && cp "$WORK/server.log" "${SOAK_REPORT%.md}.server.log" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

JAR=$(ls "$ROOT"/target/seam-emulator-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
# Build when there is no jar, or when a source file or the POM changed since it was built.
if [[ -z "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
  echo "==> building the jar (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
  JAR=$(ls "$ROOT"/target/seam-emulator-*.jar | grep -v '\.original$' | head -n 1)
fi

echo "==> PostgreSQL of the soak's own ($SOAK_PG_BIN) in $PGCLUSTER on 127.0.0.1:$SOAK_PG_PORT"
mkdir "$PGCLUSTER"
[[ $(id -u) == 0 ]] && chown 65534:65534 "$PGCLUSTER"
# Trust: the cluster listens on the loopback address only, lives as long as the soak, and holds nothing else.
as_pg "$SOAK_PG_BIN/initdb" -D "$PGCLUSTER" -U postgres -A trust -E UTF-8 --no-instructions > "$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; exit 1; }
pg_start
psql -q -d postgres -v ON_ERROR_STOP=1 -c "create database $SOAK_DB"

# A copy, so that a rebuild during the run cannot change the jar under the running server.
cp "$JAR" "$WORK/app.jar"
echo "==> starting $JAR on port $SOAK_PORT"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$SOAK_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="" SERVER_PORT="$SOAK_PORT" SEAM_SEED=true SEAM_DATA_DIR="$WORK/data" \
  SEAM_TOKEN_ENCRYPTION_KEY="c2VhbS1lbXVsYXRvci1zb2FrLWtleS0zMi1ieXRlcyE=" \
  java $SOAK_JAVA_OPTS -jar "$WORK/app.jar" > "$WORK/server.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$SOAK_PORT"
for _ in $(seq 1 180); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/server.log"; echo "server exited" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/health" > /dev/null || { tail -50 "$WORK/server.log"; echo "server not healthy" >&2; exit 1; }

heap_kb() { # used heap in KB from jcmd GC.heap_info (first "used" on the heap line)
  jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+'
}
SAMPLES="$WORK/samples"
sample() { # label elapsed_s
  local used live rss threads sessions
  used=$(heap_kb)
  jcmd "$APP_PID" GC.run > /dev/null 2>&1
  live=$(heap_kb)
  rss=$(grep VmRSS "/proc/$APP_PID/status" | grep -oE '[0-9]+')
  threads=$(grep Threads "/proc/$APP_PID/status" | grep -oE '[0-9]+')
  sessions=$(psql -qtA -d "$SOAK_DB" -c "select count(*) from client_sessions" 2>/dev/null || echo "db down")
  printf '| %s | %s | %d | %d | %d | %s | %s | %s |\n' "$1" "$2" $((used / 1024)) $((live / 1024)) $((rss / 1024)) \
    "$threads" "$sessions" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$SAMPLES"
}

echo "==> load: $SOAK_WORKERS workers for $SOAK_SECONDS s"
START_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
sample start 0
if (( SOAK_SLOW > 0 )); then
  python3 "$ROOT/bench/slow_clients.py" 127.0.0.1 "$SOAK_PORT" "$SOAK_SLOW" "$SOAK_SECONDS" > "$WORK/slow.out" 2>&1 &
  SLOW_PID=$!
fi
java "$ROOT/bench/SoakLoad.java" "$BASE" "$SOAK_SECONDS" "$SOAK_WORKERS" > "$WORK/load.out" 2>&1 &
LOAD_PID=$!
T0=$(date +%s)
KILLED=""
INTERVAL=$(( SOAK_SECONDS / SOAK_SAMPLES ))
(( INTERVAL < 1 )) && INTERVAL=1
NEXT=$INTERVAL
while kill -0 "$LOAD_PID" 2>/dev/null; do
  sleep 1
  NOW=$(( $(date +%s) - T0 ))
  if (( SOAK_DB_KILL_AT > 0 )) && [[ -z "$KILLED" ]] && (( NOW >= SOAK_DB_KILL_AT )); then
    echo "==> t=${NOW}s: killing the soak's PostgreSQL (stop -m immediate), starting it again in $SOAK_DB_DOWN s"
    KILL_T=$(date +%s.%N)
    pg_stop immediate
    sleep "$SOAK_DB_DOWN"
    pg_start
    UP_T=$(date +%s.%N)
    # The first 200 of a route that needs the database after PostgreSQL is back: the server's recovery time.
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer seam_apikey1_token' \
      "$BASE/client_sessions/list?limit=1")" == 200 ]]; do sleep 0.1; done
    BACK_T=$(date +%s.%N)
    KILLED=$(awk -v k="$KILL_T" -v u="$UP_T" -v b="$BACK_T" 'BEGIN { printf "PostgreSQL killed at t=%ds, down %.1f s; the server answered a database route 200 again %.1f s after PostgreSQL was back", '"$NOW"', u-k, b-u }')
    echo "==> $KILLED"
  fi
  if (( NOW >= NEXT && NOW < SOAK_SECONDS )); then
    sample during "$NOW"
    NEXT=$(( NEXT + INTERVAL ))
  fi
done
wait "$LOAD_PID" || { cat "$WORK/load.out"; echo "load program failed" >&2; exit 1; }
LOAD_PID=""
sample end "$(( $(date +%s) - T0 ))"
grep -E '^RESULT' "$WORK/load.out"
if [[ -n "$SLOW_PID" ]]; then
  wait "$SLOW_PID" || true
  SLOW_PID=""
  cat "$WORK/slow.out"
fi

SERVER_ERRORS=$(grep -cE ' (ERROR|WARN) ' "$WORK/server.log" || true)
echo "==> stopping the server (SIGTERM)"
kill -TERM "$APP_PID"
EXIT=0
wait "$APP_PID" || EXIT=$?
APP_PID=""
SHUTDOWN=$(grep -E 'Graceful shutdown complete|Shutdown completed' "$WORK/server.log" | sed -E 's/^.*(Graceful|HikariPool|embedded)/\1/' || true)

TOTAL=$(grep -m1 '^RESULT seconds=' "$WORK/load.out")
{
  echo "# Soak test"
  echo
  RUN=$(printf 'SOAK_SECONDS=%s SOAK_WORKERS=%s' "$SOAK_SECONDS" "$SOAK_WORKERS")
  (( SOAK_SLOW > 0 )) && RUN="$RUN SOAK_SLOW=$SOAK_SLOW"
  (( SOAK_DB_KILL_AT > 0 )) && RUN="$RUN SOAK_DB_KILL_AT=$SOAK_DB_KILL_AT SOAK_DB_DOWN=$SOAK_DB_DOWN"
  echo "Run \`$RUN bash bench/soak.sh\` on $START_DATE:"
  echo "the packaged jar (\`java $SOAK_JAVA_OPTS -jar\`, seed loaded) against PostgreSQL $(psql -qtA -d postgres -c 'show server_version'),"
  echo "a cluster of the soak's own (initdb in a temporary directory, default settings, 127.0.0.1:$SOAK_PG_PORT, database"
  echo "\`$SOAK_DB\`), $(nproc) cores, $(java -version 2>&1 | head -n 1)."
  echo "Load: \`bench/SoakLoad.java\` with $SOAK_WORKERS workers, each in a loop: 20% create (PUT), 50% token read"
  echo "(GET /client_sessions/get with client-session-token; a revoked session must get 401 client_session_revoked),"
  echo "20% list by user_identifier_key (API key), 10% revoke. Every answer is checked; anything unexpected is an error."
  echo "Source: commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' with uncommitted changes')."
  [[ -n "${SOAK_NOTE:-}" ]] && { echo; echo "$SOAK_NOTE"; }
  if (( SOAK_SLOW > 0 )); then
    echo
    echo "Beside it, $SOAK_SLOW slow clients the whole time (\`bench/slow_clients.py\`: a 100,000-byte body announced,"
    echo "one byte every 5 s, no credential, reopened when answered): \`$(cat "$WORK/slow.out" 2>/dev/null)\`."
  fi
  [[ -n "$KILLED" ]] && { echo; echo "$KILLED."; }
  echo
  echo "## Result"
  echo
  echo "\`$TOTAL\`"
  echo
  echo '| operation | requests | errors | p50 ms | p99 ms | max ms |'
  echo '|---|---|---|---|---|---|'
  grep -E '^RESULT op=' "$WORK/load.out" | sed -E 's/RESULT op=([^ ]+) requests=([0-9]+) errors=([0-9]+) p50_ms=([^ ]+) p99_ms=([^ ]+) max_ms=([^ ]+)/| \1 | \2 | \3 | \4 | \5 | \6 |/'
  if grep -q '^RESULT error=' "$WORK/load.out"; then
    echo
    echo 'Errors by kind:'
    echo
    grep -E '^RESULT error=' "$WORK/load.out" | sed -E 's/RESULT error=(.*) count=([0-9]+)/- `\1`: \2/'
  fi
  echo
  echo "Server log lines at WARN or ERROR during the run: $SERVER_ERRORS. Exit after SIGTERM: $EXIT (143 = terminated by"
  echo "SIGTERM after a clean shutdown)."
  [[ -n "$SHUTDOWN" ]] && echo "Shutdown log: $(echo "$SHUTDOWN" | tr '\n' ';' | sed 's/;$//; s/;/; /g; s/\.$//')."
  echo
  echo "## Memory and load over time"
  echo
  echo "Heap used as found, and live heap right after a forced full GC (jcmd GC.run); RSS from /proc/<pid>/status;"
  echo "rows in client_sessions; load average of the machine (1, 5, 15 min)."
  echo
  echo '| sample | t (s) | heap used MB | heap after GC MB | RSS MB | threads | sessions | load avg |'
  echo '|---|---|---|---|---|---|---|---|'
  cat "$SAMPLES"
} > "$SOAK_REPORT.tmp"
mv "$SOAK_REPORT.tmp" "$SOAK_REPORT"
echo "==> report written to $SOAK_REPORT"
ERRORS=$(echo "$TOTAL" | grep -oE 'errors=[0-9]+' | cut -d= -f2)
if (( SOAK_DB_KILL_AT > 0 )); then
  # While PostgreSQL is down, 503 service_unavailable is the right answer; any other error is not.
  ! grep -E '^RESULT error=' "$WORK/load.out" | grep -vE 'error=[a-z_]+:503 '
else
  [[ "$ERRORS" == "0" ]]
fi
