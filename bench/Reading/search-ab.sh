#!/usr/bin/env bash
# Uncached search at 100,000 stories, the working tree against an earlier revision, each built as it ships
# (tools/publish.sh). Rounds alternate the two builds so machine noise hits both alike; in each, a fresh server on the
# bench store answers 100 warm-up searches, then run.sh's 200 distinct searches one at a time and 100 others 8 at a
# time (each a miss of the output cache). Prints p50 and p95 per round and the medians of those.
# Usage: bench/Reading/search-ab.sh [rounds] [base revision]   (default: 5 rounds against HEAD~1)
# Needs artifacts/bench/reading-100000.db (bench/Reading/run.sh 100000 generates it). Port 5134 or SEARCH_AB_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
base=${2:-HEAD~1}
port=${SEARCH_AB_PORT:-5134}
# shellcheck source=../lib/two-builds.sh
. bench/lib/two-builds.sh
two_builds "$port" SEARCH_AB_PORT "$base"
# shellcheck source=../lib/search-queries.sh
. bench/lib/search-queries.sh
search_queries 400 >"$work/queries"

# one_round APPDIR -> "seq_p50 seq_p95 par_p50 par_p95"
one_round() {
  ConnectionStrings__NewsDesk="Data Source=$db" NewsDesk__SeedsDirectory="$PWD/seeds" NewsDesk__DataDirectory="$work/data" \
    ASPNETCORE_ENVIRONMENT=Production "$1/NewsDesk.Web" --urls "http://127.0.0.1:$port" >"$work/log" 2>&1 &
  local pid=$! seq par
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$work/log" >&2; exit 1; }
    sleep 0.05
  done
  sed -n 301,400p "$work/queries" | while read -r q; do curl -s -o /dev/null "http://127.0.0.1:$port/search?q=$q"; done
  seq=$(sed -n 1,200p "$work/queries" | while read -r q; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/search?q=$q"; done)
  par=$(sed -n 201,300p "$work/queries" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/search?q={}")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(percentile 50 <<<"$seq") $(percentile 95 <<<"$seq") $(percentile 50 <<<"$par") $(percentile 95 <<<"$par")"
}

declare -A results
for i in $(seq 1 "$rounds"); do
  for variant in base new; do
    results[$variant]+="$(one_round "$work/$variant")"$'\n'
  done
done

echo "| build | one at a time: p50 ms per round | p95 ms per round | median p95 | 8 at a time: p95 ms per round | median p95 |"
echo "| --- | --- | --- | ---: | --- | ---: |"
for variant in base new; do
  col() { grep . <<<"${results[$variant]}" | awk -v c="$1" '{ print $c }'; }
  echo "| $(build_label "$variant" "$base") | $(col 1 | tr '\n' ' ')| $(col 2 | tr '\n' ' ')| $(col 2 | median) | $(col 4 | tr '\n' ' ')| $(col 4 | median) |"
done
echo
echo "- load average $(cut -d' ' -f1-3 /proc/loadavg)"
