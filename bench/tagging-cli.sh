#!/usr/bin/env bash
# Batch throughput of `newsdesk tag --json --jsonl DIR` over 2,000 seed-sized (~4 KB) files, process start
# included: the median of N runs, for the plain Release build and the ReadyToRun publish, interleaved.
# Usage: bench/tagging-cli.sh [runs] [files]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
files=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/NewsDesk.Cli -c Release -o "$work/build" --nologo -v q -p:PublishReadyToRun=false >/dev/null
dotnet publish src/NewsDesk.Cli -c Release -o "$work/r2r" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null

# Seed-sized articles that differ from each other: the seed story with its paragraphs rotated and a numbered line.
mkdir -p "$work/articles"
seed=$(ls seeds/* | head -1)
mapfile -t paragraphs < <(awk 'BEGIN{RS="";ORS="\n"} {gsub(/\n/," "); print}' "$seed")
for i in $(seq 1 "$files"); do
  {
    n=${#paragraphs[@]}
    for k in $(seq 0 $((n - 1))); do printf '%s\n\n' "${paragraphs[$(( (k + i) % n ))]}"; done
    printf 'Dispatch %d.\n' "$i"
  } >"$work/articles/$(printf '%05d' "$i").txt"
done
bytes=$(du -sb "$work/articles" | cut -f1)

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Wall time, and the CPU time the process used (user + system): on a shared machine the second is the steadier.
declare -A ms cpu
for r in $(seq 1 "$runs"); do
  for variant in build r2r; do
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/time" dotnet "$work/$variant/newsdesk.dll" tag --json --jsonl "$work/articles" >"$work/out.jsonl"
    end=$(date +%s%N)
    ms[$variant]+=" $(( (end - start) / 1000000 ))"
    cpu[$variant]+=" $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time")"
  done
done

lines=$(wc -l <"$work/out.jsonl")
echo "$files files, $((bytes / files)) bytes on average, $lines JSON lines; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| build | wall runs (ms) | wall median (ms) | files/s (wall) | CPU runs (ms) | CPU median (ms) | files per CPU-second |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for variant in build r2r; do
  # shellcheck disable=SC2086
  m=$(median ${ms[$variant]})
  # shellcheck disable=SC2086
  c=$(median ${cpu[$variant]})
  echo "| $variant |${ms[$variant]} | $m | $(( files * 1000 / m )) |${cpu[$variant]} | $c | $(( files * 1000 / c )) |"
done
