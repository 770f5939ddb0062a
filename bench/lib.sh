# Helpers shared by the benchmark scripts (sourced, not run): databases of either store, a
# `cnscd serve` of one's own on a free port, the admin's token, wrk's figures, a process's peak RSS.
# Expects $build (the build folder) and $work (a scratch folder) to be set by the caller.

bench_password=bench-password-2026
export PGOPTIONS="-c client_min_messages=warning"  # no NOTICE from DROP … IF EXISTS

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The folder of a SQLite database NAME: $work, but the nation (which grows to 10 or 50 million
# records) in ${bigwork:-$work}.
dir_for() { if [ "$1" = nation ]; then echo "${bigwork:-$work}"; else echo "$work"; fi; }

# The --db of database NAME on STORE (sqlite: a file; postgresql: a new database in the cluster of
# $CNSCD_TEST_POSTGRES, created empty).
db_for() {
  local store=$1 name=$2
  if [ "$store" = sqlite ]; then
    local dir
    dir=$(dir_for "$name")
    rm -f "$dir/$name.db" "$dir/$name.db-wal" "$dir/$name.db-shm"
    echo "$dir/$name.db"
  else
    psql -q "$CNSCD_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    echo "${CNSCD_TEST_POSTGRES%/*}/$name"
  fi
}

# Copies database FROM (a --db) to NAME on STORE and prints the copy's --db. Nothing may hold FROM
# open (a PostgreSQL template must have no connection).
copy_db() {
  local store=$1 from=$2 name=$3
  if [ "$store" = sqlite ]; then
    sqlite3 "$from" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
    rm -f "$work/$name.db-wal" "$work/$name.db-shm"
    cp "$from" "$work/$name.db"
    echo "$work/$name.db"
  else
    psql -q "$CNSCD_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $name" \
      -c "CREATE DATABASE $name TEMPLATE ${from##*/}" >/dev/null
    echo "${CNSCD_TEST_POSTGRES%/*}/$name"
  fi
}

# One value of SQL on a --db.
sql() {
  local db=$1 query=$2
  case "$db" in
    postgres*) psql -qAt "$db" -c "$query" ;;
    *) sqlite3 "$db" "$query" ;;
  esac
}

# Size of a database in MB.
db_mb() {
  local db=$1
  case "$db" in
    postgres*) sql "$db" "SELECT pg_database_size(current_database()) / 1048576" ;;
    *) du -m "$db" | cut -f1 ;;
  esac
}

# `cnscd gen` of a nation (no PROVINCE) or one province, with the official lists when the shared
# data is there, then the benchmark's administrator.
gen_db() {
  local db=$1 province=${2:-}
  local lists=$root/../shared/data/vn-admin
  local args=(--seed 1)
  if [ -d "$lists" ]; then
    args+=(--lists "$lists")
    [ -z "$province" ] || args+=(--province "$province")
  else
    args+=(--synthetic)
    [ -z "$province" ] || args+=(--province 01)
  fi
  "$build"/cnscd gen --db "$db" "${args[@]}" >"$work/gen.log" 2>&1 || { cat "$work/gen.log" >&2; return 1; }
  CNSCD_ADMIN_PASSWORD=$bench_password "$build"/cnscd init --db "$db" --admin bench >/dev/null
}

# Starts `cnscd serve` on DB; sets server_pid, server_port, server_url, token.
serve() {
  local db=$1
  server_port=$(free_port)
  server_url=http://127.0.0.1:$server_port
  "$build"/cnscd serve --db "$db" --host 127.0.0.1 --port "$server_port" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    curl -sf "$server_url/api/v1/health" >/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; return 1; }
    sleep 0.1
  done
  token=$(curl -s -X POST "$server_url/api/v1/auth/login" \
    -d "{\"username\":\"bench\",\"password\":\"$bench_password\"}" |
    sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
}

stop_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}

# Peak and current resident set of a process, in MB: "peak current".
rss_mb() {
  awk '/^VmHWM/ {p = $2} /^VmRSS/ {r = $2} END {printf "%.0f %.0f\n", p / 1024, r / 1024}' "/proc/$1/status"
}

# Waits (up to a minute) until the server answers /health within 50 ms: the requests a previous
# wrk run left queued are done, so they do not count against the next run.
wait_idle() {
  local url=$1
  for _ in $(seq 600); do
    t=$(curl -s -o /dev/null -w '%{time_total}' "$url/api/v1/health" || echo 1)
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return 0
    sleep 0.1
  done
}

# `wrk --latency` on URL with C connections for $http_seconds: "requests/s p99_ms errors", where
# errors are non-2xx answers and socket errors (timeouts: no answer within wrk's 2 s).
wrk_run() {
  local c=$1 url=$2
  shift 2
  wrk -t2 -c"$c" -d"${http_seconds:-5}"s --latency "$@" "$url" | awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000
      return v + 0
    }
    /Requests\/sec/ {rps = $2}
    $1 == "99%" {p99 = ms($2)}
    /Non-2xx/ {bad += $NF}
    /Socket errors/ {for (i = 3; i <= NF; i += 2) bad += $(i + 1)}
    END {printf "%.0f %.2f %d\n", rps, p99, bad}'
}

# KEY=value from a RESULT line.
field() { sed -nE "s/.*[ ]$2=([^ ]+).*/\1/p" <<<"$1"; }
