#!/usr/bin/env bash
# Month-end (issue 7 item 3): the last day of the month on the synthetic nation: 1 million support
# records in a burst (batches of 500 from concurrent clients, all dated today), then every team
# opens and submits its monthly report (POST /api/v1/reports, POST /api/v1/reports/ID/submit) from
# concurrent clients; throughput and p99 latency per request (bench_load).
#
#   bench/month_end.sh BUILD DB LABEL WORK [RECORDS] [TEAMS]
#
# Prints `RESULT month-end store=LABEL part=records|reports …` (bench_load's figures) and the
# server's peak RSS.
set -euo pipefail
build=$1
db=$2
label=$3
work=$4
records=${5:-1000000}
teams=${6:-74000}
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib.sh"
trap stop_server EXIT

serve "$db"
period=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
r=$("$build"/bench/bench_load --url "$server_url" --token "$token" --db "$db" --mode records \
  --records "$records" --today 1 --clients "${MONTH_END_RECORD_CLIENTS:-16}" --prefix 3e0d0000 --seed 5)
echo "RESULT month-end store=$label part=records ${r#RESULT }"
r=$("$build"/bench/bench_load --url "$server_url" --token "$token" --db "$db" --mode reports \
  --teams "$teams" --period "$period" --clients "${MONTH_END_REPORT_CLIENTS:-64}")
echo "RESULT month-end store=$label part=reports ${r#RESULT }"
read -r peak current < <(rss_mb "$server_pid")
echo "RESULT month-end-memory store=$label peak_mb=$peak current_mb=$current"
