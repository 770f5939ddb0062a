#!/usr/bin/env bash
# Runs every benchmark (bench/README.md), each printing its method and its table, SQLite and
# PostgreSQL side by side:
#   micro      the core's micro-benchmarks (text_benchmark)
#   routes     HTTP routes of the demo against /health (http.sh)
#   ingest     support records/s: batch API and use case against the raw insert
#   rollup     indicator tables from the counters against the naive SQL, 1M and 10M records
#              (and 50M with BENCH_FULL=1)
#   http       a province's indicators and a team page against nginx, 64 and 256 connections
#   memory     peak RSS of `cnscd serve` on the nation under the http load (runs with http)
#   month-end  1M support records in a burst, then 74,000 team reports opened and submitted
#   reform     a synthetic nation through the official 2025 conversion table (SQLite)
#
#   bench/run.sh [BUILD_DIR]      BENCH_ONLY=ingest,rollup,... to run some; BENCH_STORES=sqlite
#                                 (or postgresql) to run one store; BENCH_KEEP=1 keeps the data
#
# BENCH_FULL=1: rollup at 50M records as well, and month-end at full scale (1M records and
# 74,000 reports on both stores); without it month-end uses what fits the 30-minute budget
# (bench/README.md). SQLite databases live in RAM (/dev/shm, $BENCH_DIR) so that the figures
# measure the engine rather than this VM's disk write-back (the PostgreSQL test cluster runs with
# fsync off); the nation, which grows to 10M (50M) records, lives on disk (${TMPDIR:-/tmp}).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
only=${BENCH_ONLY:-micro,routes,ingest,rollup,http,memory,month-end,reform}
full=${BENCH_FULL:-0}
ingest_records=${BENCH_INGEST_RECORDS:-50000}
http_seconds=${BENCH_HTTP_SECONDS:-4}
# Month-end scale per store (records, reports): what fits the budget unless BENCH_FULL=1.
declare -A me_records=([sqlite]=1000000 [postgresql]=50000) me_teams=([sqlite]=3000 [postgresql]=3000)
if [ "$full" = 1 ]; then me_records=([sqlite]=1000000 [postgresql]=1000000) me_teams=([sqlite]=74000 [postgresql]=74000); fi
want() { [[ ",$only," == *",$1,"* ]]; }
ram=${BENCH_DIR:-/dev/shm}
[ -d "$ram" ] && [ -w "$ram" ] || ram=${TMPDIR:-/tmp}
work=$(mktemp -d "$ram/cnscd-bench.XXXXXX")
bigwork=$(mktemp -d "${TMPDIR:-/tmp}/cnscd-bench-nation.XXXXXX")
results=$work/results
touch "$results"
source "$root/bench/lib.sh"
pg_dir=
cleanup() {
  stop_server
  [ -z "$pg_dir" ] || "$root/scripts/pg-cluster.sh" stop "$pg_dir"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work $bigwork"; else rm -rf "$work" "$bigwork"; fi
}
trap cleanup EXIT
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

echo "cnscd benchmarks: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), build $build, $(date -u +%FT%TZ)"

# --- stores: SQLite always; PostgreSQL when its server and the store both work.
stores=(sqlite)
pg_note=
if [ "${BENCH_STORES:-sqlite,postgresql}" != sqlite ]; then
  if env_line=$("$root/scripts/pg-cluster.sh" start 2>"$work/pg.log"); then
    eval "$env_line"
    pg_dir=$CNSCD_PG_DIR
    probe=$(db_for postgresql bench_probe)
    if "$build"/cnscd init --db "$probe" >"$work/pg-probe.log" 2>&1; then
      stores+=(postgresql)
    else
      pg_note="skipped: PostgreSQL store unavailable ($(tail -1 "$work/pg-probe.log"))"
    fi
  else
    pg_note="skipped: PostgreSQL server unavailable ($(tail -1 "$work/pg.log"))"
  fi
  [ "${BENCH_STORES:-}" != postgresql ] || stores=("${stores[@]:1}")
fi
[ -z "$pg_note" ] || echo "postgresql: $pg_note"
echo

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
results_of() { grep "^RESULT $1 " "$results" || true; }

if want micro; then
  echo "== micro: text_benchmark (ns per call; ToNfc is the reference) [$(elapsed)]"
  "$build"/src/core/text_benchmark --benchmark_min_time=0.2
  echo
fi

if want routes; then
  echo "== routes: HTTP routes of the demo (SQLite) against /health, wrk 2 threads, 32 connections, 3 s each [$(elapsed)]"
  BENCH_SECONDS=3 bash "$root/bench/http.sh" "$build"
  echo
fi

# --- ingest: the same records into copies of the same database, three ways.
if want ingest; then
  echo "== ingest [$(elapsed)]"
  echo "method: a province from \`cnscd gen\` (teams, members), copied three times; $ingest_records support"
  echo "records (this year's dates, 11 services, 1 in 10 citizens helped twice) written in batches of 500:"
  echo "raw = prepared INSERTs into support_record + helped + helped_count, one transaction per batch (reference);"
  echo "use case = app::SubmitSupportRecords in process; API = POST /api/v1/support-records from 4 clients."
  for store in "${stores[@]}"; do
    base=$(db_for "$store" ingest_base)
    gen_db "$base" "Quảng Trị"
    "$build"/bench/bench_ingest --db "$base" --mode prepare
    for mode in raw usecase api; do
      db=$(copy_db "$store" "$base" "ingest_$mode")
      if [ "$mode" = api ]; then
        serve "$db"
        r=$("$build"/bench/bench_load --url "$server_url" --token "$token" --db "$db" --mode records \
          --records "$ingest_records" --clients 4)
        stop_server
        r="$r stored=$(sql "$db" 'SELECT count(*) FROM support_record') pairs=$(sql "$db" 'SELECT coalesce(sum(n), 0) FROM helped_count')"
      else
        r=$("$build"/bench/bench_ingest --db "$db" --mode "$mode" --records "$ingest_records")
      fi
      echo "RESULT ingest store=$store method=$mode ${r#RESULT }" >>"$results"
    done
  done
  printf '%-11s %-9s %9s %9s %11s %9s %12s %12s\n' store method records seconds "records/s" "vs raw" "rows stored" "pairs"
  for store in "${stores[@]}"; do
    raw_rate=$(field "$(results_of ingest | grep "store=$store method=raw")" per_second)
    results_of ingest | grep "store=$store " | while read -r line; do
      printf '%-11s %-9s %9s %9.2f %11.0f %9s %12s %12s\n' "$store" "$(field "$line" method)" \
        "$(field "$line" items)$(field "$line" records)" "$(field "$line" seconds)" \
        "$(field "$line" per_second)" "$(ratio "$(field "$line" per_second)" "$raw_rate")" \
        "$(field "$line" stored)" "$(field "$line" pairs)"
    done
  done
  echo "(goal: API at least 1/3 of raw. rows stored and pairs equal across methods: the same work done.)"
  [ -z "$pg_note" ] || echo "postgresql: $pg_note"
  echo
fi

# --- the nation of each store: gen, a copy for month-end, 1M records for rollup, http, memory.
declare -A nation monthend_db
if want rollup || want http || want memory || want month-end; then
  echo "== setup: a synthetic nation per store (\`cnscd gen\`, no --province) [$(elapsed)]"
  for store in "${stores[@]}"; do
    start=$(date +%s)
    nation[$store]=$(db_for "$store" nation)
    gen_db "${nation[$store]}"
    echo "$store: $(grep -o 'tỉnh / provinces.*' "$work/gen.log" | head -1) ($(($(date +%s) - start)) s)"
    if want month-end; then monthend_db[$store]=$(copy_db "$store" "${nation[$store]}" monthend); fi
    if want rollup || want http || want memory; then
      r=$("$build"/bench/bench_bulk --db "${nation[$store]}" --records 1000000 --first 0)
      echo "$store: bulk load of 1,000,000 records: $(field "$r" seconds) s ($(field "$r" per_second) records/s)"
    fi
  done
  echo
fi

rollup_at() {
  local size=$1
  for store in "${stores[@]}"; do
    r=$("$build"/bench/bench_rollup --db "${nation[$store]}")
    echo "RESULT rollup store=$store size=$size ${r#RESULT }" >>"$results"
    echo "  $store at $size: $(field "$r" records) records, counters vs naive agree: $(field "$r" agree) [$(elapsed)]"
  done
}
grow() {
  local add=$1 first=$2
  for store in "${stores[@]}"; do
    r=$("$build"/bench/bench_bulk --db "${nation[$store]}" --records "$add" --first "$first")
    echo "  $store: bulk load of $add more records: $(field "$r" seconds) s"
  done
}
if want rollup; then
  echo "== rollup at 1M [$(elapsed)]"
  rollup_at 1M
  echo
fi

if want http || want memory; then
  echo "== http and memory [$(elapsed)]"
  echo "method: \`cnscd serve\` (4 threads) on the nation with 1M records; wrk -t2 --latency ${http_seconds} s per cell on"
  echo "loopback (wrk shares the 2 cores); reference: nginx (worker_processes auto) serving the same body saved to a file."
  for store in "${stores[@]}"; do
    bash "$root/bench/http_nation.sh" "$build" "${nation[$store]}" "$store" "$work" | grep '^RESULT' |
      sed 's/^RESULT /RESULT /' >>"$results"
  done
  if want http; then
    printf '%-11s %-11s %6s %6s %12s %12s %8s %12s %10s %8s %8s\n' store route conns bytes "cnscd req/s" "cnscd p99" \
      "errors" "nginx req/s" "nginx p99" "errors" "vs nginx"
    results_of http | while read -r line; do
      printf '%-11s %-11s %6s %6s %12s %9s ms %8s %12s %7s ms %8s %8s\n' "$(field "$line" store)" "$(field "$line" route)" \
        "$(field "$line" conns)" "$(field "$line" bytes)" "$(field "$line" cnscd_rps)" "$(field "$line" cnscd_p99_ms)" \
        "$(field "$line" cnscd_errors)" "$(field "$line" nginx_rps)" "$(field "$line" nginx_p99_ms)" \
        "$(field "$line" nginx_errors)" "$(ratio "$(field "$line" cnscd_rps)" "$(field "$line" nginx_rps)")"
    done
    results_of http | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^(route|path)=/) printf "%s ", $i; print ""}' | sort -u |
      sed -E 's/route=([a-z]+) path=/  \1: /'
    echo "(goals: at least half of nginx's rate; p99 under 20 ms at 256 connections. errors: non-2xx answers and socket"
    echo "errors, wrk's 2 s timeouts included: a p99 among errors of that kind understates the wait.)"
  fi
  if want memory; then
    echo
    echo "memory: VmHWM of the \`cnscd serve\` process above after all its wrk runs (goal < 200 MB)"
    printf '%-11s %12s %12s %12s\n' store "idle MB" "peak MB" "database MB"
    results_of memory | while read -r line; do
      printf '%-11s %12s %12s %12s\n' "$(field "$line" store)" "$(field "$line" idle_mb)" "$(field "$line" peak_mb)" "$(field "$line" db_mb)"
    done
  fi
  [ -z "$pg_note" ] || echo "postgresql: $pg_note"
  echo
fi

if want month-end; then
  echo "== month-end [$(elapsed)]"
  echo "method: \`cnscd serve\` (4 threads) on a copy of the nation (no earlier records); first N support records"
  echo "dated today in batches of 500 from ${MONTH_END_RECORD_CLIENTS:-16} clients, then the first M teams each open"
  echo "(POST /reports) and submit (POST /reports/ID/submit) this month's report from ${MONTH_END_REPORT_CLIENTS:-64} clients; latency per request."
  for store in "${stores[@]}"; do
    echo "  $store: N = ${me_records[$store]} records, M = ${me_teams[$store]} teams"
    bash "$root/bench/month_end.sh" "$build" "${monthend_db[$store]}" "$store" "$work" \
      "${me_records[$store]}" "${me_teams[$store]}" | grep '^RESULT' >>"$results"
  done
  printf '%-11s %-8s %9s %9s %9s %10s %12s %9s %9s %7s\n' store part items requests seconds "items/s" "requests/s" "p50 ms" "p99 ms" errors
  results_of month-end | while read -r line; do
    printf '%-11s %-8s %9s %9s %9.1f %10.0f %12.0f %9.1f %9.1f %7s\n' "$(field "$line" store)" "$(field "$line" part)" \
      "$(field "$line" items)" "$(field "$line" requests)" "$(field "$line" seconds)" "$(field "$line" per_second)" \
      "$(field "$line" requests_per_second)" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)"
  done
  results_of month-end-memory | while read -r line; do echo "  $(field "$line" store): server peak RSS $(field "$line" peak_mb) MB"; done
  echo "(items: records, or reports opened and submitted; a report is two requests)"
  [ -z "$pg_note" ] || echo "postgresql: $pg_note"
  echo
fi

if want rollup; then
  echo "== rollup at 10M [$(elapsed)]"
  grow 9000000 1000000
  rollup_at 10M
  if [ "$full" = 1 ]; then
    echo "== rollup at 50M (BENCH_FULL=1) [$(elapsed)]"
    grow 40000000 10000000
    rollup_at 50M
  fi
  echo
  echo "== rollup"
  echo "method: the nation from \`cnscd gen\` plus records from bench_bulk (counters written with them; checked equal to"
  echo "the naive count every run). counters = app::Indicators for each of the 34 provinces (national) or the largest"
  echo "province (province); naive = COUNT(DISTINCT citizen_key) from support_record joined up the unit tree by path,"
  echo "per service. Median of repeated runs, warm caches."
  printf '%-11s %4s %9s %9s %9s | %10s %10s %8s | %10s %10s %8s | %6s\n' store size records "village" "unit" \
    "nat. cnt" "nat. naive" "speedup" "prov. cnt" "prov. naive" "speedup" agree
  results_of rollup | while read -r line; do
    printf '%-11s %4s %9s %9s %9s | %7.1f ms %7.0f ms %7s× | %7.2f ms %7.0f ms %7s× | %6s\n' \
      "$(field "$line" store)" "$(field "$line" size)" "$(field "$line" records)" "$(field "$line" counter_rows)" \
      "$(field "$line" total_rows)" \
      "$(field "$line" national_counters_ms)" "$(field "$line" national_naive_ms)" \
      "$(ratio "$(field "$line" national_naive_ms)" "$(field "$line" national_counters_ms)")" \
      "$(field "$line" province_counters_ms)" "$(field "$line" province_naive_ms)" \
      "$(ratio "$(field "$line" province_naive_ms)" "$(field "$line" province_counters_ms)")" "$(field "$line" agree)"
  done
  echo "(village: rows of helped_count, the villages' counters; unit: rows of helped_total, every unit's own counters,"
  echo "which the indicators read. speedup = naive / counters.)"
  echo "(goal: at least 1000× at 10M.)"
  [ "$full" = 1 ] || echo "(50M: BENCH_FULL=1; figures measured with it are in bench/README.md)"
  [ -z "$pg_note" ] || echo "postgresql: $pg_note"
  echo
fi

if want reform; then
  echo "== reform: a synthetic nation through the official 2025 conversion table [$(elapsed)]"
  echo "method: the nation case of tests/reform_nation_test (cnscd gen --before-reform: 63 provinces, 696 districts,"
  echo "10,035 communes, a team per village, 100,000 records; the decisions a human would write for the 441 split and"
  echo "2 unmapped communes); app::RunReform --apply timed alone, then its checks (nothing lost, counters equal a"
  echo "recount, the tree of 2025-06-30 unchanged). SQLite; PostgreSQL by hand in docs/reform.md."
  if out=$("$build"/tests/reform_nation_test --gtest_filter='*Nation*' 2>&1); then
    secs=$(sed -n 's/^reform applied in \([0-9.]*\) s.*/\1/p' <<<"$out")
    if [ -n "$secs" ]; then
      sed -n 's/^reform applied in /apply: /p' <<<"$out"
      awk -v s="$secs" 'BEGIN { printf "goal: minutes (< 300 s): %.1f s %s\n", s, (s < 300 ? "✔" : "✘") }'
    else
      echo "skipped: $(grep -m1 -i skip <<<"$out" || echo 'no figure printed')"
    fi
  else
    echo "failed:"; tail -20 <<<"$out"
  fi
  echo
fi

echo "bench: done in $(elapsed)"
