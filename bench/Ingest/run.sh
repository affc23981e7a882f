#!/usr/bin/env bash
# Ingest speed, timed as the built CLI's whole process (start-up, migration check, parse, de-duplicate, tag, store):
#   first ingest of a generated 10,000-item RSS file (~2 KB per item) into a fresh database, items/s;
#   re-ingest of the same file (all duplicates), and the ratio first / re-ingest;
#   a bare bulk insert of the very rows the ingest stored (articles, revisions, similarity bands) into a fresh
#   database with the sqlite3 shell, one transaction, same WAL/synchronous=FULL settings, and the ratio ingest / bare;
#   peak memory (max RSS) of ingesting a ~20 MB feed.
# Variants run interleaved, RUNS times each; medians are reported. Usage: bench/Ingest/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/NewsDesk.Cli -c Release --nologo -v q >/dev/null
cli=(dotnet src/NewsDesk.Cli/bin/Release/net10.0/newsdesk.dll)
python3 bench/Ingest/generate_feed.py 10000 2048 "$work/10k.xml"
python3 bench/Ingest/generate_feed.py 8800 2048 "$work/20mb.xml" 7

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -a first again bare rss
for i in $(seq 1 "$runs"); do
  db="$work/ingest-$i.db"
  start=$(date +%s%N); "${cli[@]}" ingest --db "$db" --json "$work/10k.xml" >"$work/first.json" 2>"$work/first.log"; first+=("$(ms "$start")")
  grep -q '"added":10000' "$work/first.json" || { cat "$work/first.json" "$work/first.log" >&2; exit 1; }
  start=$(date +%s%N); "${cli[@]}" ingest --db "$db" --json "$work/10k.xml" >"$work/again.json" 2>>"$work/first.log"; again+=("$(ms "$start")")
  grep -q '"duplicates":10000' "$work/again.json" || { cat "$work/again.json" >&2; exit 1; }

  # The same rows into an empty, migrated database: SQLite's own cost for what the ingest stored.
  "${cli[@]}" migrate --db "$work/bare-$i.db" >/dev/null 2>&1
  start=$(date +%s%N)
  sqlite3 "$work/bare-$i.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
ATTACH '$db' AS src;
BEGIN;
INSERT INTO Sources SELECT * FROM src.Sources;
INSERT INTO Articles SELECT * FROM src.Articles;
INSERT INTO ArticleRevisions SELECT * FROM src.ArticleRevisions;
INSERT INTO ArticleSimilarityBands SELECT * FROM src.ArticleSimilarityBands;
COMMIT;
SQL
  bare+=("$(ms "$start")")

  rss+=("$( { /usr/bin/time -f '%M' "${cli[@]}" ingest --db "$work/mem-$i.db" --json "$work/20mb.xml" >/dev/null 2>"$work/mem.log"; } 2>&1; tail -1 "$work/mem.log")")
done

f=$(median "${first[@]}"); a=$(median "${again[@]}"); b=$(median "${bare[@]}"); m=$(median "${rss[@]}")
echo "feed: $(du -h "$work/10k.xml" | cut -f1) 10,000 items; memory feed: $(du -h "$work/20mb.xml" | cut -f1) 8,800 items; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measure | runs | median |"
echo "| --- | --- | --- |"
echo "| first ingest, whole process (ms) | ${first[*]} | $f |"
echo "| items/s (first ingest) | | $(( 10000 * 1000 / f )) |"
echo "| re-ingest, all duplicates (ms) | ${again[*]} | $a |"
echo "| first / re-ingest | | $(awk "BEGIN {printf \"%.1f\", $f / $a}") |"
echo "| bare bulk insert of the same rows, sqlite3 (ms) | ${bare[*]} | $b |"
echo "| ingest / bare insert | | $(awk "BEGIN {printf \"%.1f\", $f / $b}") |"
echo "| peak RSS, ~20 MB feed (MB) | $(printf '%s ' "${rss[@]}" | awk '{for(i=1;i<=NF;i++) printf "%d ", $i/1024}') | $(( m / 1024 )) |"
