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

# shellcheck source=lib/first-200.sh
. bench/lib/first-200.sh
# start_ms APPDIR DBFILE -> milliseconds from process start to the first 200 on /
start_ms() {
  local wall _
  # shellcheck disable=SC2046 # the app command is two words for a framework-dependent build
  read -r wall _ <<<"$(first_200 "$port" "$work/log" env ConnectionStrings__NewsDesk="Data Source=$2" \
    NewsDesk__SeedsDirectory="$work/seeds" ASPNETCORE_ENVIRONMENT=Production $(app_command "$1"))"
  echo "$wall"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A results
for i in $(seq 1 "$runs"); do
  for variant in build shipped; do
    results[$variant-fresh]+=" $(start_ms "$work/$variant" "$work/$variant-$i.db")"
    results[$variant-restart]+=" $(start_ms "$work/$variant" "$work/$variant-$i.db")"
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
