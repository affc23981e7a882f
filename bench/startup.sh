#!/usr/bin/env bash
# Start-up time of the web app to its first 200 on /, median of N runs, for the plain Release build and the
# ReadyToRun publish (what the Dockerfile ships), on a fresh database (first start: migrations + seed import)
# and on an existing one (a restart). The variants are interleaved so machine noise hits them alike.
# Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=5099
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/NewsDesk.Web -c Release -o "$work/build" --nologo -v q -p:PublishReadyToRun=false >/dev/null
dotnet publish src/NewsDesk.Web -c Release -o "$work/r2r" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null
cp -r seeds "$work/seeds"

# start_ms DLL DBFILE -> milliseconds from process start to the first 200 on /
start_ms() {
  local start end pid
  start=$(date +%s%N)
  ConnectionStrings__NewsDesk="Data Source=$2" NewsDesk__SeedsDirectory="$work/seeds" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$1" --urls "http://127.0.0.1:$port" >"$work/log" 2>&1 &
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
  for variant in build r2r; do
    dll="$work/$variant/NewsDesk.Web.dll"
    results[$variant-fresh]+=" $(start_ms "$dll" "$work/$variant-$i.db")"
    results[$variant-restart]+=" $(start_ms "$dll" "$work/$variant-$i.db")"
  done
done

echo "| build | database | runs (ms) | median (ms) |"
echo "| --- | --- | --- | --- |"
for variant in build r2r; do
  for db in fresh restart; do
    # shellcheck disable=SC2086
    echo "| $variant | $db |${results[$variant-$db]} | $(median ${results[$variant-$db]}) |"
  done
done
