#!/usr/bin/env bash
# Desk benchmark: server time of the desk story list and the story editor with 10,000 articles in the store.
# Builds Release, fills a fresh database (bench/Desk/DeskBenchData), starts the app on 127.0.0.1:5140, signs in
# as an admin and times N requests per page after a warm-up. Server time is curl's time to first byte minus
# the time to send the request (loopback, so network time is negligible). Prints medians and 90th percentiles.
# Usage: bench/Desk/run.sh [requests-per-page] [articles]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-60}
articles=${2:-10000}
port=5140
work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/NewsDesk.Web -c Release --nologo -v q >/dev/null
dotnet build bench/Desk/DeskBenchData -c Release --nologo -v q >/dev/null
dotnet bench/Desk/DeskBenchData/bin/Release/net10.0/DeskBenchData.dll "$work/bench.db" "$articles" >&2
mkdir "$work/seeds"
# A continent of the built-in taxonomy: the subtree filter then spans its sub-regions, countries and subdivisions.
region=$(sqlite3 "$work/bench.db" "SELECT Id FROM Terms WHERE Type = 'Region' AND Slug = 'asia'")
[ -n "$region" ] || { echo "no region 'asia' in the generated store" >&2; exit 1; }

ConnectionStrings__NewsDesk="Data Source=$work/bench.db" NewsDesk__DataDirectory="$work" NewsDesk__SeedsDirectory="$work/seeds" \
  ASPNETCORE_ENVIRONMENT=Production Desk__SecureCookies=false \
  NEWSDESK_ADMIN_EMAIL=bench@newsdesk.test NEWSDESK_ADMIN_PASSWORD="bench password long enough" \
  dotnet src/NewsDesk.Web/bin/Release/net10.0/NewsDesk.Web.dll --urls "http://127.0.0.1:$port" >"$work/log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" 2>/dev/null)" = "200" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$work/log" >&2; exit 1; }
  sleep 0.1
done

jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=bench@newsdesk.test" --data-urlencode "Input.Password=bench password long enough" "$base/account/sign-in")
[ "$status" = "302" ] || { echo "sign-in failed: $status" >&2; exit 1; }

# time_ms URL -> server milliseconds for one GET (fails on a non-200)
time_ms() {
  local out
  out=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_pretransfer} %{time_starttransfer}' "$base$1")
  set -- $out
  [ "$1" = "200" ] || { echo "GET answered $1" >&2; exit 1; }
  awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
}

stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f | %.1f | %.1f", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[1] }'; }

# Pages are interleaved within each round, with /healthz (no page, one trivial query) as the baseline, so load from
# other processes on the machine hits them alike; the last column is the ratio to that baseline.
names=("story list (/desk)" "story list, status + text filter" "story list, region subtree (Asia)" "story list, page 150" "story editor (/desk/stories/{id})" "baseline: /healthz")
urls=("/desk" "/desk?status=Published&q=drills" "/desk?region=$region" "/desk?p=150" "editor" "/healthz")
declare -A samples
for i in $(seq 1 $((runs + 10))); do
  for k in "${!urls[@]}"; do
    url=${urls[$k]}
    if [ "$url" = "editor" ]; then url="/desk/stories/$(( (i * 7919) % articles + 1 ))"; fi
    ms=$(time_ms "$url")
    if [ "$i" -gt 10 ]; then samples[$k]+="$ms "; fi
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
base_median=$(echo "${samples[5]}" | median)
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| page | median (ms) | p90 (ms) | min (ms) | median / baseline |"
echo "| --- | --- | --- | --- | --- |"
for k in "${!names[@]}"; do
  m=$(echo "${samples[$k]}" | median)
  echo "| ${names[$k]} | $(echo "${samples[$k]}" | tr ' ' '\n' | grep -v '^$' | stats) | $(awk -v a="$m" -v b="$base_median" 'BEGIN { printf "%.1f", a / b }') |"
done
