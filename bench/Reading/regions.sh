#!/usr/bin/env bash
# The region directory with the full built-in taxonomy (~3,800 regions): response size (plain and Brotli) and time of
# /regions served from the output cache and rendered afresh, of /regions/world (a subtree of every region) rendered
# afresh, and of /sitemap.xml. Give one or more running apps (e.g. two builds on copies of one database); their
# requests are interleaved so machine noise hits them alike. Fresh renders use query values no earlier request used,
# which the output cache keys on (an unused ?page= on /regions, a random date range on /regions/world).
# Usage: bench/Reading/regions.sh [-n N] BASE_URL...   e.g. bench/Reading/regions.sh http://127.0.0.1:5132 http://127.0.0.1:5133
set -euo pipefail
n=30
if [ "${1:-}" = "-n" ]; then n=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [-n N] BASE_URL..." >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
salt=$(date +%s)

time_ms() { curl -s -o /dev/null -w '%{time_total}\n' "$1" | awk '{printf "%.2f\n", $1 * 1000}'; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

for base in "$@"; do curl -s -o /dev/null "$base/regions"; curl -s -o /dev/null "$base/sitemap.xml"; done  # warm up
for i in $(seq 1 "$n"); do
  range=$(printf 'from=%d-%02d-%02d&to=2040-%02d-%02d' $(( 2000 + RANDOM % 20 )) $(( RANDOM % 12 + 1 )) $(( RANDOM % 28 + 1 )) $(( RANDOM % 12 + 1 )) $(( RANDOM % 28 + 1 )))
  for k in $(seq 1 $#); do
    base=${!k}
    time_ms "$base/regions" >>"$tmp/$k.cached"
    time_ms "$base/regions?page=$salt$i" >>"$tmp/$k.fresh"
    time_ms "$base/regions/world?$range" >>"$tmp/$k.world"
    time_ms "$base/sitemap.xml" >>"$tmp/$k.sitemap"
  done
done

echo "| app | /regions bytes | /regions br bytes | /regions cached (ms) | /regions fresh (ms) | /regions/world fresh (ms) | /sitemap.xml bytes | /sitemap.xml (ms) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for k in $(seq 1 $#); do
  base=${!k}
  plain=$(curl -s -o /dev/null -w '%{size_download}' "$base/regions")
  br=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$base/regions")
  sitemap=$(curl -s -o /dev/null -w '%{size_download}' "$base/sitemap.xml")
  echo "| $base | $plain | $br | $(median "$tmp/$k.cached") | $(median "$tmp/$k.fresh") | $(median "$tmp/$k.world") | $sitemap | $(median "$tmp/$k.sitemap") |"
done
echo "(medians of $n requests each, one at a time)"
