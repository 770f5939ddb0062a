#!/usr/bin/env bash
# HTTP and memory (issue 7 item 3): requests/s and p99 latency of a province's indicators and of
# a team page from `cnscd serve` on the synthetic nation, under wrk on loopback with 64 and 256
# connections, against nginx serving each response body as a static file (the same bytes, saved
# from the server); and the server's peak RSS (VmHWM) under that load.
#
#   bench/http_nation.sh BUILD DB LABEL WORK
#
# Prints RESULT lines (run.sh makes the tables):
#   RESULT http store=LABEL route=indicators|team conns=C cnscd_rps= cnscd_p99_ms= nginx_rps=
#          nginx_p99_ms= bytes= cnscd_errors= nginx_errors= (errors: non-2xx and socket errors,
#          timeouts included)
#   RESULT memory store=LABEL idle_mb= peak_mb= db_mb=
set -euo pipefail
build=$1
db=$2
label=$3
work=$4
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib.sh"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
command -v nginx >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null

nginx_pid=
cleanup() {
  stop_server
  [ -z "$nginx_pid" ] || { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
}
trap cleanup EXIT

serve "$db"
year=$(TZ=Asia/Ho_Chi_Minh date +%Y)
# The province with the most villages (the heaviest indicator table) and the first team.
province=$(sql "$db" "SELECT p.id FROM unit p JOIN unit v ON v.path >= p.path AND v.path < substr(p.path, 1, length(p.path) - 1) || '0' WHERE p.kind = 'province' AND v.kind = 'village' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1")
team=$(sql "$db" "SELECT min(id) FROM team")
read -r _ idle < <(rss_mb "$server_pid")

www=$work/www
mkdir -p "$www"
# nginx's workers run as an unprivileged user: they must reach the files through the scratch
# folder, which mktemp made private.
chmod o+x "$work"
chmod 755 "$www"
declare -A paths=([indicators]="/api/v1/units/$province/indicators?year=$year" [team]="/api/v1/teams/$team")
for route in indicators team; do
  curl -sf -H "Authorization: Bearer $token" "$server_url${paths[$route]}" >"$www/$route.json"
done

# nginx of our own: one worker per core, as a deployment runs it; the file from the page cache.
nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
    default_type application/json;
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/team.json" >/dev/null && break; sleep 0.1; done
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/team.json") "$www/team.json" ||
  { echo "http_nation: nginx does not serve the saved body" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

for route in indicators team; do
  bytes=$(stat -c %s "$www/$route.json")
  for conns in 64 256; do
    wait_idle "$server_url"
    read -r c_rps c_p99 c_bad < <(wrk_run "$conns" "$server_url${paths[$route]}" -H "Authorization: Bearer $token")
    read -r n_rps n_p99 n_bad < <(wrk_run "$conns" "http://127.0.0.1:$nginx_port/$route.json")
    echo "RESULT http store=$label route=$route conns=$conns cnscd_rps=$c_rps cnscd_p99_ms=$c_p99 nginx_rps=$n_rps nginx_p99_ms=$n_p99 bytes=$bytes cnscd_errors=$c_bad nginx_errors=$n_bad path=${paths[$route]}"
  done
done
read -r peak current < <(rss_mb "$server_pid")
echo "RESULT memory store=$label idle_mb=$idle peak_mb=$peak current_mb=$current db_mb=$(db_mb "$db")"
