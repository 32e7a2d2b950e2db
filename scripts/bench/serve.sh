#!/usr/bin/env bash
# HTTP API speed: wrk on loopback against a document's metadata GET, paced at about 500
# requests/s (10 connections, each waiting 17 ms between requests), and against a 1.1 MB
# content GET at full speed, beside nginx serving the same file as a static file, in the same run.
# Targets: metadata GET p99 under 20 ms at 500 req/s; content GET at least 70% of nginx's rate.
#
#   scripts/bench/serve.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_java_and_maven
ensure_packages "${SOHOA_PACKAGES[@]}" wrk nginx curl
mvn -B -q -Dstyle.color=never -DskipTests install

work="$(mktemp -d)"
cleanup() {
  # scripts/sohoa runs java as a child: stop the server by what it serves.
  pkill -f "sohoa.cli.Main serve --data $work/data" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
sample=samples/scans/03-cong-van-hai-trang.pdf
id=$(scripts/sohoa digitize "$sample" --data "$work/data" --json 2>/dev/null \
  | grep -o '"documentId" : "[0-9a-f]*"' | head -1 | grep -o '[0-9a-f]\{32\}')
key=$(scripts/sohoa keys create --role reader --data "$work/data" 2>/dev/null)
port=18080
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is taken: stop what listens there first" >&2
  exit 1
fi
scripts/sohoa serve --data "$work/data" --port "$port" > "$work/serve.log" 2>&1 &
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

# The peer: nginx serving the same bytes as a plain file.
mkdir -p "$work/www"
cp "$sample" "$work/www/original.pdf"
# nginx's workers run as another user: they must be able to read the file.
chmod a+rx "$work" "$work/www"
chmod a+r "$work/www/original.pdf"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:18081; root $work/www; }
}
NGINX
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -p "$work"

cat > "$work/paced.lua" <<'LUA'
function delay() return 17 end
LUA
auth="Authorization: Bearer $key"
base="http://127.0.0.1:$port/api/v1/documents/$id"
for url in "$base" "$base/content?variant=original"; do
  status=$(curl -s -o "$work/check" -w '%{http_code}' -H "$auth" "$url")
  [ "$status" = 200 ] || { echo "GET $url answered $status: $(head -c 300 "$work/check")" >&2; exit 1; }
done
# Warm-up: the catalog's pool, and the JIT. On these 2 cores the optimising compiler needs about
# 28 s of CPU before the server runs at its steady speed (content GETs: ~1100 req/s while it
# compiles, ~1550 after); a server runs for months, so it is measured once that is done.
wrk -t2 -c10 -d20s -H "$auth" "$base" >/dev/null
wrk -t2 -c10 -d40s -H "$auth" "$base/content?variant=original" >/dev/null

metadata=$(wrk -t2 -c10 -d20s --latency -s "$work/paced.lua" -H "$auth" "$base")
content=$(wrk -t2 -c8 -d20s -H "$auth" "$base/content?variant=original")
static=$(wrk -t2 -c8 -d20s "http://127.0.0.1:18081/original.pdf")

for result in "$metadata" "$content" "$static"; do
  if grep -q "Non-2xx" <<< "$result"; then
    echo "a run had failed requests, its figures would mean nothing:" >&2
    echo "$result" >&2
    exit 1
  fi
done
rate() { awk '/^Requests\/sec/ {print $2}' <<< "$1"; }
percentile() { awk -v p="$2" '$1 == p {print $2}' <<< "$1"; }
printf '%-28s %12s %10s %10s\n' case "req/s" p50 p99
printf '%-28s %12s %10s %10s\n' "metadata GET (paced)" "$(rate "$metadata")" \
  "$(percentile "$metadata" 50%)" "$(percentile "$metadata" 99%)"
printf '%-28s %12s\n' "content GET 1.1 MB (sohoa)" "$(rate "$content")"
printf '%-28s %12s\n' "same file from nginx" "$(rate "$static")"
echo "content ratio to nginx: $(echo "$(rate "$content") / $(rate "$static")" | bc -l | cut -c1-5)"
echo "targets: metadata p99 < 20 ms at ~500 req/s; content >= 0.70 x nginx"
