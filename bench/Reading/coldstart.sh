#!/usr/bin/env bash
# Cold start of the web app to its first 200 on /, on the 100,000-story bench store, for the working tree and for an
# earlier revision, interleaved so machine noise hits both alike. Reports wall time and the server's CPU time
# (user + system) until that first 200, each as the median of N runs, and the ratio of the medians. Each revision is
# built as it shipped (see publish below).
# Usage: bench/Reading/coldstart.sh [runs] [base revision]   (default: 15 runs against HEAD~1)
# Needs artifacts/bench/reading-100000.db (bench/Reading/run.sh 100000 generates it). Port 5133 or COLDSTART_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
base=${2:-HEAD~1}
port=${COLDSTART_PORT:-5133}
db=$PWD/artifacts/bench/reading-100000.db
[ -f "$db" ] || { echo "no $db: run bench/Reading/run.sh 100000 first" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use; set COLDSTART_PORT" >&2; exit 1; fi
work=$(mktemp -d)
cleanup() { pkill -f "$work/" 2>/dev/null || true; git worktree remove --force "$work/src" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building the working tree and $base, each as it shipped..." >&2
# A tree is published the way its Dockerfile did: tools/publish.sh where it has one, else the framework-dependent
# ReadyToRun publish of earlier revisions.
publish() {
  if [ -x "$1/tools/publish.sh" ]; then "$1/tools/publish.sh" "$2" "$1" >/dev/null
  else dotnet publish "$1/src/NewsDesk.Web" -c Release -o "$2" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null; fi
}
publish . "$work/new"
git worktree add -q --detach "$work/src" "$base"
publish "$work/src" "$work/base"
# shellcheck source=../lib/first-200.sh
. bench/lib/first-200.sh
# start APPDIR -> "wall_ms cpu_ms"
start() {
  # shellcheck disable=SC2046 # the app command is two words for a framework-dependent build
  first_200 "$port" "$work/log" env ConnectionStrings__NewsDesk="Data Source=$db" NewsDesk__SeedsDirectory="$PWD/seeds" \
    NewsDesk__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production $(app_command "$1")
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -A wall cpu
for i in $(seq 1 "$runs"); do
  for variant in base new; do
    read -r w c <<<"$(start "$work/$variant")"
    wall[$variant]+="$w "; cpu[$variant]+="$c "
  done
done

echo "| build | runs: wall ms | median wall ms | median CPU ms |"
echo "| --- | --- | ---: | ---: |"
for variant in base new; do
  label=$([ "$variant" = base ] && echo "$base ($(git rev-parse --short "$base"))" || echo "working tree ($(git rev-parse --short HEAD))")
  echo "| $label | ${wall[$variant]}| $(tr ' ' '\n' <<<"${wall[$variant]}" | grep . | median) | $(tr ' ' '\n' <<<"${cpu[$variant]}" | grep . | median) |"
done
bw=$(tr ' ' '\n' <<<"${wall[base]}" | grep . | median); nw=$(tr ' ' '\n' <<<"${wall[new]}" | grep . | median)
echo
echo "- median wall, working tree / $base: $(awk -v a="$nw" -v b="$bw" 'BEGIN { printf "%.2f", a / b }'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
