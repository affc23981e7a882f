#!/usr/bin/env bash
# Cold start of the web app to its first 200 on /, on the 100,000-story bench store, for the working tree and for an
# earlier revision, interleaved so machine noise hits both alike. Reports wall time and the server's CPU time
# (user + system) until that first 200, each as the median of N runs, and the ratio of the medians. Each revision is
# built as it shipped (bench/lib/two-builds.sh).
# Usage: bench/Reading/coldstart.sh [runs] [base revision]   (default: 15 runs against HEAD~1)
# Needs artifacts/bench/reading-100000.db (bench/Reading/run.sh 100000 generates it). Port 5133 or COLDSTART_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
base=${2:-HEAD~1}
port=${COLDSTART_PORT:-5133}
# shellcheck source=../lib/two-builds.sh
. bench/lib/two-builds.sh
two_builds "$port" COLDSTART_PORT "$base"
# shellcheck source=../lib/first-200.sh
. bench/lib/first-200.sh
# start APPDIR -> "wall_ms cpu_ms"
start() {
  # shellcheck disable=SC2046 # the app command is two words for a framework-dependent build
  first_200 "$port" "$work/log" env ConnectionStrings__NewsDesk="Data Source=$db" NewsDesk__SeedsDirectory="$PWD/seeds" \
    NewsDesk__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production $(app_command "$1")
}

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
  echo "| $(build_label "$variant" "$base") | ${wall[$variant]}| $(tr ' ' '\n' <<<"${wall[$variant]}" | grep . | median) | $(tr ' ' '\n' <<<"${cpu[$variant]}" | grep . | median) |"
done
bw=$(tr ' ' '\n' <<<"${wall[base]}" | grep . | median); nw=$(tr ' ' '\n' <<<"${wall[new]}" | grep . | median)
echo
echo "- median wall, working tree / $base: $(awk -v a="$nw" -v b="$bw" 'BEGIN { printf "%.2f", a / b }'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
