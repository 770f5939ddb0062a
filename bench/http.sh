#!/usr/bin/env bash
# Requests per second of a real `cnscd serve` on the demo data, measured with wrk on loopback,
# against the trivial health route as the reference (same server, same run).
set -euo pipefail
build=${1:-build}
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$build"/cnscd demo --db "$dir/demo.db" --port "$port" --host 127.0.0.1 >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"admin","password":"admin"}' | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
rps() { wrk -t2 -c32 -d"${BENCH_SECONDS:-5}"s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$1" |
  awk '/Requests\/sec/ {print $2}'; }
ref=$(rps /api/v1/health)
printf '%-70s %12s %8s\n' route "requests/s" "vs health"
printf '%-70s %12.0f %8s\n' "/api/v1/health (reference)" "$ref" "1.00"
year=$(date +%Y)
last_month=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
for route in "/api/v1/units?parent=3" "/api/v1/units?q=my" "/api/v1/teams/1" "/api/v1/units/1/coverage" \
  "/api/v1/units/1/children" "/api/v1/units/3/children" \
  "/api/v1/units/1/indicators?year=$year" "/api/v1/units/1/indicators?year=$year&by=children" \
  "/api/v1/units/3/reporting-status?period=$last_month" "/api/v1/units/1/reporting-status?period=$last_month&of=teams"; do
  r=$(rps "$route")
  printf '%-70s %12.0f %8.2f\n' "$route" "$r" "$(awk -v a="$r" -v b="$ref" 'BEGIN { print a / b }')"
done
