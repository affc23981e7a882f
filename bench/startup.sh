#!/usr/bin/env bash
# Start-up time of the web app to its first 200 on /, median of N runs, for the plain Release build and the shipped
# publish (tools/publish.sh, what the Dockerfile ships), on a fresh database (first start: migrations + seed import)
# and on an existing one (a restart). The variants are interleaved so machine noise hits them alike.
# Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=5099
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/NewsDesk.Web -c Release -o "$work/build" --nologo -v q -p:PublishReadyToRun=false >/dev/null
tools/publish.sh "$work/shipped" >/dev/null
cp -r seeds "$work/seeds"

# start_ms "COMMAND" DBFILE -> milliseconds from process start to the first 200 on /
start_ms() {
  local start end pid
  start=$(date +%s%N)
  ConnectionStrings__NewsDesk="Data Source=$2" NewsDesk__SeedsDirectory="$work/seeds" ASPNETCORE_ENVIRONMENT=Production \
    $1 --urls "http://127.0.0.1:$port" >"$work/log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$work/log" >&2; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A results
for i in $(seq 1 "$runs"); do
  for variant in build shipped; do
    app=$([ "$variant" = build ] && echo "dotnet $work/build/NewsDesk.Web.dll" || echo "$work/shipped/NewsDesk.Web")
    results[$variant-fresh]+=" $(start_ms "$app" "$work/$variant-$i.db")"
    results[$variant-restart]+=" $(start_ms "$app" "$work/$variant-$i.db")"
  done
done

echo "| build | database | runs (ms) | median (ms) |"
echo "| --- | --- | --- | --- |"
for variant in build shipped; do
  for db in fresh restart; do
    # shellcheck disable=SC2086
    echo "| $variant | $db |${results[$variant-$db]} | $(median ${results[$variant-$db]}) |"
  done
done
