#!/usr/bin/env bash
# `cnscd reform` through the command line, as an officer would run it on Lai Châu: the dry run
# prints the plan and writes nothing, --apply converts, and bad input is refused in both languages
# with nothing written. Skipped (77) when ../shared/data is absent.
# Usage: reform_cli_test.sh path/to/cnscd path/to/shared/data
set -euo pipefail
CNSCD=$(realpath "${1:?usage: $0 path/to/cnscd path/to/shared/data}")
DATA=${2:?usage: $0 path/to/cnscd path/to/shared/data}
TABLE="$DATA/vn-admin/BangChuyendoiDVHCmoi_cu_khong_merge.csv"
if [ ! -f "$TABLE" ]; then
  echo "../shared/data is absent: skipping the reform command line test"
  exit 77
fi
TABLE=$(realpath "$TABLE")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
count() { sqlite3 l.db "$1"; }

"$CNSCD" gen --db l.db --before-reform --province 12 --records 2000 \
  --lists "$DATA/vn-admin" --names "$DATA/names" >/dev/null

# A database that does not exist is refused, and not created.
set +e
"$CNSCD" reform --db none.db --plan "$TABLE" --effective 2025-07-01 >out.txt 2>err.txt
rc=$?
set -e
[ "$rc" = 2 ] || fail "missing database: exit $rc"
[ ! -e none.db ] || fail "missing database was created"
grep -q "no such database" err.txt || fail "missing database: $(cat err.txt)"

# A future effective date, a malformed decisions file: refused, both languages, nothing written.
set +e
"$CNSCD" reform --db l.db --plan "$TABLE" --effective 2999-01-01 --apply >out.txt 2>err.txt
rc=$?
set -e
[ "$rc" = 1 ] || fail "future date: exit $rc"
grep -q "chưa đến" err.txt && grep -q "has not come yet" err.txt || fail "future date: $(cat err.txt)"
printf 'old,new\n0012,00013\n' >bad.csv
set +e
"$CNSCD" reform --db l.db --plan "$TABLE" --effective 2025-07-01 --decisions bad.csv --apply \
  >out.txt 2>err.txt
rc=$?
set -e
[ "$rc" = 1 ] || fail "bad decisions: exit $rc"
grep -q "Line 2" err.txt || fail "bad decisions: $(cat err.txt)"
[ "$(count 'SELECT count(*) FROM unit_event')" = 0 ] || fail "a refusal wrote events"

# The dry run: the plan, nothing written.
"$CNSCD" reform --db l.db --plan "$TABLE" --effective 2025-07-01 --report q.csv >out.txt
grep -q "xã mới / new communes: 38" out.txt || fail "dry run: $(cat out.txt)"
grep -q "run again with --apply" out.txt || fail "dry run: $(cat out.txt)"
[ "$(wc -l <q.csv)" = 1 ] || fail "questions on Lai Châu: $(cat q.csv)"
[ "$(count 'SELECT count(*) FROM unit WHERE valid_to IS NOT NULL')" = 0 ] || fail "dry run wrote"

# The apply: 38 communes under the province, no district, every team on a current unit.
"$CNSCD" reform --db l.db --plan "$TABLE" --effective 2025-07-01 --apply >out.txt
grep -q "applied" out.txt || fail "apply: $(cat out.txt)"
[ "$(count "SELECT count(*) FROM unit WHERE kind = 'commune' AND valid_to IS NULL")" = 38 ] ||
  fail "communes after the reform"
[ "$(count "SELECT count(*) FROM unit WHERE kind = 'district' AND valid_to IS NULL")" = 0 ] ||
  fail "districts after the reform"
[ "$(count 'SELECT count(*) FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.valid_to IS NOT NULL')" = 0 ] ||
  fail "a team on a closed unit"
echo "reform command line: ok"
