#!/usr/bin/env bash
# `cnscd backup` and `cnscd restore` round trip through the command line, against a running
# `cnscd serve`: the backup is taken live, `sha256sum -c` accepts its checksum file, a restore over
# the served database is refused, and the restored database serves a login.
# Usage: backup_cli_test.sh path/to/cnscd
set -euo pipefail
CNSCD=$(realpath "${1:?usage: $0 path/to/cnscd}")
WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
serve() {  # serve DB on a free port (a random one, another if taken); sets SERVER and PORT
  for _ in $(seq 20); do
    PORT=$(shuf -i 20000-60000 -n 1)
    "$CNSCD" serve --db "$1" --host 127.0.0.1 --port "$PORT" --threads 2 --web "$WORK" \
      >serve.log 2>&1 &
    SERVER=$!
    for _ in $(seq 100); do
      kill -0 "$SERVER" 2>/dev/null || break
      curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && return 0
      sleep 0.1
    done
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  done
  fail "cnscd serve did not start: $(cat serve.log)"
}
stop() { kill -TERM "$SERVER"; wait "$SERVER" || true; SERVER=; }
login() {
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" \
    -d '{"username":"admin","password":"backup-test-1"}'
}

CNSCD_ADMIN_PASSWORD=backup-test-1 "$CNSCD" init --db live.db --admin admin >/dev/null
serve live.db
[ "$(login)" = 200 ] || fail "login before the backup"

"$CNSCD" backup --db live.db --to live.bak >backup.out || fail "backup: $(cat backup.out)"
grep -q "schema version" backup.out || fail "backup prints what it copied"
sha256sum -c live.bak.sha256 >/dev/null || fail "sha256sum -c refuses the checksum file"
if "$CNSCD" backup --db live.db --to live.bak 2>err.out; then fail "backup overwrote a file"; fi
grep -q "never overwrites" err.out || fail "overwrite refusal message: $(cat err.out)"

# The served database is held open: --force does not take it from under the server.
if "$CNSCD" restore --from live.bak --db live.db --force 2>err.out; then
  fail "restore replaced a database in use"
fi
grep -q "stop it before restoring" err.out || fail "in-use refusal message: $(cat err.out)"

"$CNSCD" restore --from live.bak --db copy.db >restore.out || fail "restore: $(cat restore.out)"
grep -q "verified" restore.out || fail "restore says it verified the checksum"
stop

# A flipped byte is refused; the target is not created.
cp live.bak bad.bak && cp live.bak.sha256 bad.bak.sha256
byte=$(od -An -tu1 -j20000 -N1 bad.bak | tr -d ' ')
printf "$(printf '\\%03o' $((byte ^ 1)))" | dd of=bad.bak bs=1 seek=20000 conv=notrunc status=none
cmp -s live.bak bad.bak && fail "the byte was not flipped"
if "$CNSCD" restore --from bad.bak --db bad.db 2>err.out; then fail "a corrupted backup restored"; fi
grep -q "does not match its checksum" err.out || fail "mismatch message: $(cat err.out)"
[ ! -e bad.db ] || fail "a refused restore left bad.db behind"

"$CNSCD" restore --from live.bak --db live.db --force >/dev/null || fail "restore --force"
serve copy.db
[ "$(login)" = 200 ] || fail "login on the restored database"
stop
echo "backup_cli_test: ok"
