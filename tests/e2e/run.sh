#!/usr/bin/env bash
# Runs the browser tests (tests/e2e/*.test.mjs, node:test) against the built server and web app:
# each test file starts its own `cnscd serve` on a fresh database and its own headless chromium.
# Prints one summary line; on a failure, the full report and a non-zero exit.
#   tests/e2e/run.sh [build dir]     (default build; CNSCD_BINARY / CNSCD_WEB_DIST override)
#   CNSCD_E2E=0 tests/e2e/run.sh     skips them (prints a "skipped" line, exits 0)
#   CNSCD_E2E_JOBS=N                 test files run at once (default 2); the budget and Lighthouse
#                                    tests run alone, after the others
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# The project's own Node.js (scripts/node.sh), when it fetched one.
[ ! -x "$root/.tools/node/bin/node" ] || export PATH="$root/.tools/node/bin:$PATH"

if [ "${CNSCD_E2E:-1}" = "0" ]; then
  echo "e2e: skipped (CNSCD_E2E=0)"
  exit 0
fi

build=${1:-$root/build}
export CNSCD_BINARY=${CNSCD_BINARY:-$build/cnscd}
export CNSCD_WEB_DIST=${CNSCD_WEB_DIST:-$root/web/dist}
jobs=${CNSCD_E2E_JOBS:-2}
logdir=$(mktemp -d "${TMPDIR:-/tmp}/cnscd-e2e-log.XXXXXX")
trap 'rm -rf "$logdir"' EXIT
# The pages a failed step left open describe themselves here (harness.mjs, describeOpenPages).
export CNSCD_E2E_DIAG="$logdir/pages.txt"
# Every server the harness starts logs its API requests here; write-coverage.mjs reads them.
export CNSCD_E2E_REQUEST_LOGS="$logdir/requests"
mkdir -p "$CNSCD_E2E_REQUEST_LOGS"

cd "$root"
journeys=()
for f in tests/e2e/*.test.mjs; do
  case "$(basename "$f")" in budget.test.mjs | lighthouse.test.mjs) ;; *) journeys+=("$f") ;; esac
done

status=0
start=$(date +%s)
run() { # name files...: the spec report to a file, TAP for the summary
  local name=$1; shift
  node --test --test-concurrency="$jobs" \
    --test-reporter=spec --test-reporter-destination="$logdir/$name.spec" \
    --test-reporter=tap --test-reporter-destination="$logdir/$name.tap" "$@" || status=1
}
[ ${#journeys[@]} -eq 0 ] || run journeys "${journeys[@]}"
# The budget test times a throttled page load: alone, so that other browsers do not skew it.
[ ! -f tests/e2e/budget.test.mjs ] || run budget tests/e2e/budget.test.mjs
# Lighthouse too (its performance score times the page).
[ ! -f tests/e2e/lighthouse.test.mjs ] || run lighthouse tests/e2e/lighthouse.test.mjs

# Every write operation of the spec performed in a browser, or listed with a reason: enforced when
# the journeys passed; after a failure only shown (a failed journey leaves its operations undone).
uncovered=0
coverage=$(node tests/e2e/write-coverage.mjs "$CNSCD_E2E_REQUEST_LOGS" 2>&1) || uncovered=1

count() { cat "$logdir"/*.tap 2>/dev/null | awk -v k="# $1" '$1" "$2==k {n+=$3} END {print n+0}'; }
summary="e2e: $(count pass) passed, $(($(count fail) + $(count cancelled))) failed, $(count skipped) skipped"
if [ $status -ne 0 ]; then
  cat "$logdir"/journeys.spec "$logdir"/budget.spec "$logdir"/lighthouse.spec >&2 2>/dev/null || true
  if [ -s "$CNSCD_E2E_DIAG" ]; then
    echo "e2e: what the pages of the failed steps showed:" >&2
    cat "$CNSCD_E2E_DIAG" >&2
  fi
  printf '%s\ne2e write coverage: not enforced (a journey failed)\n' "$coverage" >&2
  echo "$summary" >&2
  exit 1
fi
if [ $uncovered -ne 0 ]; then
  echo "$coverage" >&2
  echo "$summary" >&2
  exit 1
fi
grep -h '^ *# budget: /' "$logdir"/*.tap 2>/dev/null | sed 's/^ *# budget: /e2e budget: /' || true
grep -h '^ *# lighthouse: ' "$logdir"/*.tap 2>/dev/null | sed 's/^ *# lighthouse: /e2e lighthouse: /' || true
echo "e2e: $(ls tests/e2e/*.test.mjs | wc -l) files in $(($(date +%s) - start)) s"
echo "$coverage"
echo "$summary"
