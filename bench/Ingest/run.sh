#!/usr/bin/env bash
# Ingest speed, timed as the built CLI's whole process (start-up, migration, taxonomy sync, parse, de-duplicate, tag, store):
#   first ingest of a generated 10,000-item RSS file (~2 KB per item) into a fresh database, items/s;
#   re-ingest of the same file (all duplicates), and the ratio first / re-ingest;
#   a bare bulk insert of the very rows the ingest stored (source, articles, revisions, similarity bands, tag links
#   and any tags the tagger created) into a fresh migrated database with the sqlite3 shell, one transaction,
#   same WAL/synchronous=FULL settings, and the ratio ingest / bare;
#   peak memory (max RSS) of ingesting a ~20 MB feed.
# Wall time and CPU time (user + sys, from /usr/bin/time) are both reported: the machine is shared, and CPU time is
# the figure the load disturbs least. Variants run interleaved, RUNS times each; medians are reported.
# Usage: bench/Ingest/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The CLI as it ships (the Dockerfile publishes ReadyToRun), and the plain `dotnet build` output beside it for the first ingest.
dotnet publish src/NewsDesk.Cli -c Release -o "$work/cli" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null
dotnet build src/NewsDesk.Cli -c Release --nologo -v q >/dev/null
cli=(dotnet "$work/cli/newsdesk.dll")
built=(dotnet src/NewsDesk.Cli/bin/Release/net10.0/newsdesk.dll)
python3 bench/Ingest/generate_feed.py 10000 2048 "$work/10k.xml"
python3 bench/Ingest/generate_feed.py 8800 2048 "$work/20mb.xml" 7

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed OUT ERR CMD...: runs CMD, appends "wall_ms cpu_ms maxrss_kb" to $work/times
timed() {
  local out=$1 err=$2; shift 2
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >"$out" 2>"$err"
  awk '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4}' "$work/time"
}

declare -a first first_cpu first_built again again_cpu bare rss loads
for i in $(seq 1 "$runs"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  db="$work/ingest-$i.db"
  read -r w c _ < <(timed "$work/first.json" "$work/first.log" "${cli[@]}" ingest --db "$db" --json "$work/10k.xml")
  first+=("$w"); first_cpu+=("$c")
  grep -q '"added":10000' "$work/first.json" || { cat "$work/first.json" "$work/first.log" >&2; exit 1; }
  read -r w _ _ < <(timed "$work/built.json" "$work/built.log" "${built[@]}" ingest --db "$work/built-$i.db" --json "$work/10k.xml")
  first_built+=("$w")
  grep -q '"added":10000' "$work/built.json" || { cat "$work/built.json" "$work/built.log" >&2; exit 1; }
  read -r w c _ < <(timed "$work/again.json" "$work/again.log" "${cli[@]}" ingest --db "$db" --json "$work/10k.xml")
  again+=("$w"); again_cpu+=("$c")
  grep -q '"duplicates":10000' "$work/again.json" || { cat "$work/again.json" "$work/again.log" >&2; exit 1; }

  # The same rows into an empty, migrated database (schema, search triggers and built-in taxonomy already there):
  # SQLite's own cost for what the ingest stored.
  "${cli[@]}" migrate --db "$work/bare-$i.db" >/dev/null 2>&1
  start=$(date +%s%N)
  sqlite3 "$work/bare-$i.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
ATTACH '$db' AS src;
BEGIN;
INSERT INTO Sources SELECT * FROM src.Sources;
INSERT INTO Terms SELECT * FROM src.Terms WHERE Id NOT IN (SELECT Id FROM main.Terms);
INSERT INTO Articles SELECT * FROM src.Articles;
INSERT INTO ArticleRevisions SELECT * FROM src.ArticleRevisions;
INSERT INTO ArticleSimilarityBands SELECT * FROM src.ArticleSimilarityBands;
INSERT INTO ArticleTerms SELECT * FROM src.ArticleTerms;
COMMIT;
SQL
  bare+=("$(( ($(date +%s%N) - start) / 1000000 ))")

  read -r _ _ m < <(timed /dev/null "$work/mem.log" "${cli[@]}" ingest --db "$work/mem-$i.db" --json "$work/20mb.xml")
  rss+=("$m")
done

links=$(sqlite3 "$work/ingest-1.db" 'SELECT count(*) FROM ArticleTerms')
f=$(median "${first[@]}"); fc=$(median "${first_cpu[@]}"); a=$(median "${again[@]}"); ac=$(median "${again_cpu[@]}")
b=$(median "${bare[@]}"); m=$(median "${rss[@]}")
echo "date: $(date -u +%F); feed: $(du -h "$work/10k.xml" | cut -f1) 10,000 items, $links tag links; memory feed: $(du -h "$work/20mb.xml" | cut -f1) 8,800 items"
echo "load average (1 min) at the start of each run: ${loads[*]}"
echo "| measure | runs | median |"
echo "| --- | --- | --- |"
echo "| first ingest, whole process, wall (ms) | ${first[*]} | $f |"
echo "| first ingest, CPU user+sys (ms) | ${first_cpu[*]} | $fc |"
echo "| first ingest with the plain \`dotnet build\` output (no ReadyToRun), wall (ms) | ${first_built[*]} | $(median "${first_built[@]}") |"
echo "| items/s (first ingest, wall) | | $(( 10000 * 1000 / f )) |"
echo "| re-ingest, all duplicates, wall (ms) | ${again[*]} | $a |"
echo "| re-ingest, CPU user+sys (ms) | ${again_cpu[*]} | $ac |"
echo "| first / re-ingest (wall; CPU) | | $(awk "BEGIN {printf \"%.1f; %.1f\", $f / $a, $fc / $ac}") |"
echo "| bare bulk insert of the same rows, sqlite3, wall (ms) | ${bare[*]} | $b |"
echo "| ingest / bare insert (wall) | | $(awk "BEGIN {printf \"%.1f\", $f / $b}") |"
echo "| peak RSS, ~20 MB feed (MB) | $(printf '%s ' "${rss[@]}" | awk '{for(i=1;i<=NF;i++) printf "%d ", $i/1024}') | $(( m / 1024 )) |"
