#!/usr/bin/env bash
# Reading-view benchmark (issue 6). For each store size: wrk -t2 -c64 -d10s on loopback against the front page, a
# country page, a theatre page, an article and a search, each followed at once by plain Kestrel serving a static file
# of the same bytes (bench/Reading/NewsDesk.Bench.Reading `static`), so machine noise hits both alike (after 3 s of
# each, unreported, to warm both servers up); then the output-cache hit ratio and peak memory of the server; uncached
# search latency (every query distinct) one at a time and 8 at a time; cold start to the first 200 on / (5 runs).
# Stores are generated once into artifacts/bench/.
# Usage: bench/Reading/run.sh [SIZE ...]   (default: 10000 100000). Ports 5131-5132 (the reading range), or
# READING_BENCH_PORT and READING_BENCH_STATIC_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-10000 100000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
port=${READING_BENCH_PORT:-5131}
static_port=${READING_BENCH_STATIC_PORT:-5132}
# Another server already answering on a port would be measured instead of ours.
for p in "$port" "$static_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then echo "port $p is in use; set READING_BENCH_PORT / READING_BENCH_STATIC_PORT" >&2; exit 1; fi
done
out=artifacts/bench
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$out"

echo "building (the app as the Dockerfile ships it: tools/publish.sh)..." >&2
tools/publish.sh "$work/app" >/dev/null
dotnet build bench/Reading/NewsDesk.Bench.Reading -c Release --nologo -v q >/dev/null
tool=bench/Reading/NewsDesk.Bench.Reading/bin/Release/net10.0/NewsDesk.Bench.Reading.dll

start_app() { # DB LOG -> pid in $app_pid
  ConnectionStrings__NewsDesk="Data Source=$1" NewsDesk__SeedsDirectory="$PWD/seeds" ASPNETCORE_ENVIRONMENT=Production \
    "$work/app/NewsDesk.Web" --urls "http://127.0.0.1:$port" >"$2" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
}
wait_200() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null)" = "200" ]; do sleep 0.02; done; }
stop_app() { kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true; }
# shellcheck source=../lib/first-200.sh
. bench/lib/first-200.sh
# cold_ms DB -> milliseconds from launch to the first 200 on / (the loop startup.sh and coldstart.sh use too)
cold_ms() {
  local wall _
  read -r wall _ <<<"$(first_200 "$port" "$work/start.log" env ConnectionStrings__NewsDesk="Data Source=$1" \
    NewsDesk__SeedsDirectory="$PWD/seeds" ASPNETCORE_ENVIRONMENT=Production "$work/app/NewsDesk.Web")"
  echo "$wall"
}

# wrk URL -> "rps p50 p99" (latencies in ms)
measure() {
  wrk -t2 -c64 -d10s --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

# shellcheck source=../lib/search-queries.sh
. bench/lib/search-queries.sh

for n in "${sizes[@]}"; do
  db="$out/reading-$n.db"
  [ -f "$db" ] || dotnet "$tool" generate "$db" "$n"
  echo "== $n stories" >&2

  # Cold start: a fresh process on an existing store to the first 200 on /, median of 5, interleaved with the same
  # on a store holding only the seed story (the foundation's restart case), so machine load hits both alike.
  baseline="$work/seed-only.db"
  if [ ! -f "$baseline" ]; then start_app "$baseline" "$work/seed.log"; wait_200 "$port" /; stop_app; fi
  starts=(); base_starts=()
  for i in 1 2 3 4 5; do
    base_starts+=("$(cold_ms "$baseline")")
    starts+=("$(cold_ms "$db")")
  done

  start_app "$db" "$work/app-$n.log"
  wait_200 "$port" /
  article=$(sqlite3 "$db" "SELECT Slug FROM Articles WHERE Status = 'Published' ORDER BY PublishedAt DESC LIMIT 1 OFFSET 3")
  declare -A urls=(
    [front]="/"
    [country]="/regions/japan"
    [theatre]="/regions/south-china-sea"
    [article]="/articles/$article"
    [search]="/search?q=coast+guard+patrol"
  )
  mkdir -p "$work/static-$n"
  for name in front country theatre article search; do
    curl -s -o "$work/static-$n/$name.html" "http://127.0.0.1:$port${urls[$name]}"
  done
  dotnet "$tool" static "$work/static-$n" "http://127.0.0.1:$static_port" >/dev/null 2>&1 &
  static_pid=$!; pids+=("$static_pid")
  wait_200 "$static_port" /front.html

  # Both servers have just started: a few seconds of each URL first, unreported, so the measured runs see code the
  # runtime has finished optimising (the first page measured without this ran at half its later speed).
  for name in front country theatre article search; do
    wrk -t2 -c64 -d3s "http://127.0.0.1:$port${urls[$name]}" >/dev/null
    wrk -t2 -c64 -d3s "http://127.0.0.1:$static_port/$name.html" >/dev/null
  done

  echo "| stories | page | bytes | page req/s | page p50 ms | page p99 ms | static req/s | static p50 ms | static p99 ms | ratio |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for name in front country theatre article search; do
    read -r prps pp50 pp99 pbad <<<"$(measure "http://127.0.0.1:$port${urls[$name]}")"
    read -r srps sp50 sp99 _ <<<"$(measure "http://127.0.0.1:$static_port/$name.html")"
    [ "$pbad" = "0" ] || echo "warning: $name answered $pbad non-2xx responses" >&2
    echo "| $n | $name \`${urls[$name]%%\?*}\` | $(stat -c %s "$work/static-$n/$name.html") | $prps | $pp50 | $pp99 | $srps | $sp50 | $sp99 | $(awk -v a="$prps" -v b="$srps" 'BEGIN { printf "%.2f", a / b }') |"
  done
  kill "$static_pid"; wait "$static_pid" 2>/dev/null || true

  # Uncached search: every query distinct (two or three words of the vocabulary), so every one misses the cache.
  mapfile -t queries < <(search_queries 400)
  seq_times=$(for q in "${queries[@]:0:200}"; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/search?q=$q"; done)
  par_times=$(printf '%s\n' "${queries[@]:200:200}" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/search?q={}")

  rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$app_pid/status")
  stop_app
  cache=$(grep -o 'Output cache of public pages since start: [0-9]* hits, [0-9]* misses' "$work/app-$n.log" | tail -1)
  hits=$(sed -E 's/.*: ([0-9]+) hits.*/\1/' <<<"$cache"); misses=$(sed -E 's/.* ([0-9]+) misses/\1/' <<<"$cache")
  echo
  echo "- $n stories: output cache $hits hits, $misses misses (hit ratio $(awk -v h="$hits" -v m="$misses" 'BEGIN { printf "%.4f", h / (h + m) }')); server peak memory (VmHWM) $rss MiB"
  echo "- $n stories: uncached search, 200 distinct queries one at a time: p50 $(percentile 50 <<<"$seq_times") ms, p95 $(percentile 95 <<<"$seq_times") ms; 200 more, 8 at a time: p50 $(percentile 50 <<<"$par_times") ms, p95 $(percentile 95 <<<"$par_times") ms"
  echo "- $n stories: cold start to first 200 on /, 5 runs: ${starts[*]} ms, median $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p) ms; seed-only store in the same runs: ${base_starts[*]} ms, median $(printf '%s\n' "${base_starts[@]}" | sort -n | sed -n 3p) ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  unset urls
done
