#!/usr/bin/env bash
# Scale-out benchmark: one digitisation job of SIZES pages (default 50 and 500; scanned PDFs of 5
# pages at 300 dpi, all different) enqueued and done by WORKERS worker processes (default 1, then
# 2) sharing a store folder, a PostgreSQL catalog and RabbitMQ. Prints pages/min from the enqueue
# to the job's last outcome, and CPU seconds per page summed over the workers (start-up included);
# beside them, from the same run, 'sohoa digitize' on an equal job in one process, as ratios. Flat
# CPU per page from 50 to 500 pages is the target: the queue adds no per-page cost that grows.
#
#   scripts/bench/scale.sh                 SIZES=50 WORKERS="1 2" scripts/bench/scale.sh (quicker)
#
# Several machines: point SOHOA_CATALOG (jdbc:postgresql://...), SOHOA_BROKER (amqp://...) and
# SOHOA_STORE (s3://...?endpoint=..., keys in SOHOA_S3_ACCESS_KEY/SOHOA_S3_SECRET_KEY) at shared
# services and list the other machines in REMOTE_HOSTS: each starts one more worker over ssh
# with the same command (sohoa checked out at the same path there). Nothing else changes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_java_and_maven
ensure_packages "${SOHOA_PACKAGES[@]}" time bc postgresql-client
ensure_rabbitmq
sizes="${SIZES:-50 500}"
counts="${WORKERS:-1 2}"
per_doc=5
mvn -B -q -Dstyle.color=never -DskipTests install > /dev/null
work="$(mktemp -d)"
names="sohoa-scale-$$"
database=""
if [ -z "${SOHOA_CATALOG:-}" ]; then
  ensure_postgres
  database="sohoa_scale_$$"
  psql -h 127.0.0.1 -U postgres -w -d postgres -qc "CREATE DATABASE $database" >/dev/null
  export SOHOA_CATALOG="jdbc:postgresql://127.0.0.1:5432/$database?user=postgres"
fi
export SOHOA_BROKER="${SOHOA_BROKER:-amqp://guest@127.0.0.1:5672/}"
cleanup() {
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -rf "$work"
  [ -n "$database" ] && psql -h 127.0.0.1 -U postgres -w -d postgres -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1
  for queue in documents documents.dead; do rabbitmqctl -q delete_queue "$names.$queue" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
export OMP_THREAD_LIMIT=1
shared=(--catalog "$SOHOA_CATALOG" --queues "$names")
[ -n "${SOHOA_STORE:-}" ] && shared+=(--store "$SOHOA_STORE")

# Inputs of job $1 without an outcome yet, from the PostgreSQL catalog (its JDBC URL as a psql URI).
pending() {
  local uri="${SOHOA_CATALOG#jdbc:}" user
  user=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<< "$uri")
  uri="${uri%%\?*}"
  PGPASSWORD="${SOHOA_CATALOG_PASSWORD:-}" psql -w -At "${uri/postgresql:\/\//postgresql://$user@}" \
    -c "SELECT count(*) FROM job_items WHERE job_id = '$1' AND status = 'QUEUED'"
}

make_inputs() {
  run_testkit sohoa.testkit.fixtures.Campaign $(($1 / per_doc)) "$per_doc" "$2" "$3" \
    > "$work/inputs.log" 2>&1 || { cat "$work/inputs.log" >&2; exit 1; }
}

# One job: N workers here (plus one per REMOTE_HOSTS), enqueue, wait for the last outcome.
# Prints: pages seconds cpu_seconds_here
run_job() {
  local pages="$1" n="$2" tag="$3" job="scale-$3" in="$work/in-$3"
  make_inputs "$pages" "$in" "$tag"
  local i pids=()
  for i in $(seq "$n"); do
    /usr/bin/time -f "%U %S" -o "$work/$tag-w$i.time" scripts/sohoa worker --data "$work/data" \
      "${shared[@]}" --concurrency 2 --workers 2 --until-idle 5 2> "$work/$tag-w$i.log" &
    pids+=($!)
  done
  for host in ${REMOTE_HOSTS:-}; do
    ssh "$host" "cd '$root' && SOHOA_BROKER='$SOHOA_BROKER' scripts/sohoa worker --data /tmp/sohoa-scale" \
      "$(printf '%q ' "${shared[@]}") --concurrency 2 --workers 2 --until-idle 5" \
      > "$work/$tag-$host.log" 2>&1 &
  done
  for i in $(seq "$n"); do
    until grep -q "worker ready" "$work/$tag-w$i.log"; do
      grep -q "^sohoa:" "$work/$tag-w$i.log" && { cat "$work/$tag-w$i.log" >&2; exit 1; }
      sleep 0.2
    done
  done
  local start end status
  start=$(date +%s.%N)
  scripts/sohoa enqueue "$in" --job "$job" --data "$work/data" "${shared[@]}" > /dev/null
  # Polled straight from the catalog: a 'sohoa jobs show' every second would take a core's
  # worth of JVM start-ups from the workers being measured. The command confirms at the end.
  until [ "$(pending "$job")" = "0" ]; do sleep 0.5; done
  end=$(date +%s.%N)
  set +e
  scripts/sohoa jobs show "$job" --data "$work/data" --catalog "$SOHOA_CATALOG" > "$work/$tag.job"
  status=$?
  set -e
  [ "$status" -eq 0 ] || { echo "job $job: exit $status" >&2; cat "$work/$tag.job" >&2; exit 1; }
  for pid in "${pids[@]}"; do wait "$pid"; done
  local cpu
  cpu=$(cat "$work/$tag"-w*.time | awk '{s += $1 + $2} END {print s}')
  echo "$pages $(echo "$end - $start" | bc -l) $cpu"
}

# The peer: the same kind of job through 'sohoa digitize' in one process (embedded store and
# catalog, two OCR threads). Prints: pages seconds cpu_seconds
run_digitize() {
  local pages="$1" tag="digitize-$1" in="$work/in-digitize-$1"
  make_inputs "$pages" "$in" "$tag"
  /usr/bin/time -f "%e %U %S" -o "$work/$tag.time" scripts/sohoa digitize "$in" \
    --data "$work/peer-$pages" --workers 2 > /dev/null 2> "$work/$tag.log"
  read -r wall user sys < "$work/$tag.time"
  echo "$pages $wall $(echo "$user + $sys" | bc -l)"
}

printf '%-26s %6s %10s %11s %14s %14s\n' run pages "pages/min" "CPU s/page" "pages/min vs" "CPU/page vs"
printf '%-26s %6s %10s %11s %14s %14s\n' "" "" "" "" "digitize" "digitize"
for pages in $sizes; do
  read -r _ peer_wall peer_cpu < <(run_digitize "$pages")
  peer_rate=$(echo "$pages * 60 / $peer_wall" | bc -l)
  peer_cost=$(echo "$peer_cpu / $pages" | bc -l)
  printf '%-26s %6d %10.1f %11.2f %14s %14s\n' "digitize (1 process)" "$pages" "$peer_rate" \
    "$peer_cost" "1.00" "1.00"
  for n in $counts; do
    read -r _ wall cpu < <(run_job "$pages" "$n" "$pages-$n")
    rate=$(echo "$pages * 60 / $wall" | bc -l)
    cost=$(echo "$cpu / $pages" | bc -l)
    printf '%-26s %6d %10.1f %11.2f %14.2f %14.2f\n' \
      "$n worker$([ "$n" -gt 1 ] && echo s)$([ -n "${REMOTE_HOSTS:-}" ] && echo " + remote")" \
      "$pages" "$rate" "$cost" "$(echo "$rate / $peer_rate" | bc -l)" \
      "$(echo "$cost / $peer_cost" | bc -l)"
  done
done
echo "machine: $(getconf _NPROCESSORS_ONLN) cores; each worker: 2 documents at a time, 2 OCR threads (as digitize --workers 2); CPU counts this machine's workers only"
echo "target: CPU s/page flat from the smallest job to the largest; vs digitize near 1.00"
