#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp folder, a free port
# on 127.0.0.1, trust authentication for the user `cnscd`, C collation (the store compares unit
# paths bytewise), durability off (a test cluster is thrown away; never use these settings for
# real data).
#
#   scripts/pg-cluster.sh start [DIR]   starts one; prints `export CNSCD_PG_DIR=… CNSCD_TEST_POSTGRES=…`
#                                       (eval it); exit 3 when PostgreSQL's server is not installed
#   scripts/pg-cluster.sh stop DIR      stops it and removes DIR
#   scripts/pg-cluster.sh run CMD...    starts one, runs CMD with CNSCD_TEST_POSTGRES set, stops it
#                                       (CMD's exit status; CMD runs without the variable, and a
#                                       line says so, when the server is not installed)
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user that
# Debian's package creates.
set -euo pipefail

bindir=${CNSCD_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for v in 17 16 15; do
    [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { bindir=/usr/lib/postgresql/$v/bin; break; }
  done
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -n "$bindir" ] || { echo "pg-cluster: PostgreSQL's server is not installed (make deps installs postgresql-15)" >&2; return 3; }
  local dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/cnscd-pg.XXXXXX")}
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U cnscd --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  local port
  for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB" \
        >/dev/null; then
      echo "export CNSCD_PG_DIR=$dir CNSCD_TEST_POSTGRES=postgresql://cnscd@127.0.0.1:$port/postgres"
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  return 1
}

stop() {
  local dir=$1
  [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$1" ;;
  run)
    shift
    set +e
    env_line=$(start)
    rc=$?
    set -e
    if [ $rc -eq 3 ]; then
      echo "pg-cluster: PostgreSQL is not installed: the PostgreSQL runs are skipped" >&2
      exec "$@"
    fi
    [ $rc -eq 0 ] || exit $rc
    eval "$env_line"
    trap 'stop "$CNSCD_PG_DIR"' EXIT
    set +e
    "$@"
    exit $?
    ;;
  *) echo "usage: $0 start [DIR] | stop DIR | run CMD..." >&2; exit 2 ;;
esac
