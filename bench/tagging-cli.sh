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
declare -A ms
for r in $(seq 1 "$runs"); do
  for variant in build r2r; do
    start=$(date +%s%N)
    dotnet "$work/$variant/newsdesk.dll" tag --json --jsonl "$work/articles" >"$work/out.jsonl"
    end=$(date +%s%N)
    ms[$variant]+=" $(( (end - start) / 1000000 ))"
  done
done

lines=$(wc -l <"$work/out.jsonl")
echo "$files files, $((bytes / files)) bytes on average, $lines JSON lines; $(nproc) cores"
echo "| build | runs (ms) | median (ms) | files/s |"
echo "| --- | --- | --- | --- |"
for variant in build r2r; do
  # shellcheck disable=SC2086
  m=$(median ${ms[$variant]})
  echo "| $variant |${ms[$variant]} | $m | $(( files * 1000 / m )) |"
done
