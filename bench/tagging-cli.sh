#!/usr/bin/env bash
# Batch throughput of `newsdesk tag --json --jsonl DIR` over 2,000 seed-sized (~4 KB) files, process start
# included: the median of N runs, for the plain Release build and the ReadyToRun publish, interleaved, each beside
# a run over an empty directory (start-up alone: runtime, command line, settings, taxonomy).
# Usage: bench/tagging-cli.sh [runs] [files]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
files=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/NewsDesk.Cli -c Release -o "$work/build" --nologo -v q -p:PublishReadyToRun=false >/dev/null
dotnet publish src/NewsDesk.Cli -c Release -o "$work/r2r" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null

# Seed-sized articles that differ from each other: the seed story with its paragraphs rotated and a numbered line.
mkdir -p "$work/articles" "$work/empty"
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
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
# Wall time, and the CPU time the process used (user + system): on a shared machine the second is the steadier.
declare -A ms cpu
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$runs"); do
  for variant in build r2r; do
    for dir in articles empty; do
      start=$(date +%s%N)
      /usr/bin/time -f '%U %S' -o "$work/time" dotnet "$work/$variant/newsdesk.dll" tag --json --jsonl "$work/$dir" >"$work/out-$dir.jsonl"
      end=$(date +%s%N)
      ms[$variant-$dir]+=" $(( (end - start) / 1000000 ))"
      cpu[$variant-$dir]+=" $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time")"
    done
  done
done

lines=$(wc -l <"$work/out-articles.jsonl")
echo "$files files, $((bytes / files)) bytes on average, $lines JSON lines; $(nproc) cores; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "| build | directory | wall runs (ms) | wall median (ms) | CPU runs (ms) | CPU median (ms) | CPU min (ms) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for variant in build r2r; do
  for dir in articles empty; do
    key=$variant-$dir
    # shellcheck disable=SC2086
    echo "| $variant | $dir |${ms[$key]} | $(median ${ms[$key]}) |${cpu[$key]} | $(median ${cpu[$key]}) | $(minimum ${cpu[$key]}) |"
  done
done
for variant in build r2r; do
  # shellcheck disable=SC2086
  wall=$(median ${ms[$variant-articles]}); all=$(median ${cpu[$variant-articles]}); empty=$(median ${cpu[$variant-empty]})
  echo "$variant: $(( files * 1000 / wall )) files/s wall; start-up $empty ms CPU; $(( (all - empty) * 1000 / files )) us CPU per file beyond it; $(( files * 1000 / all )) files per CPU-second"
done
