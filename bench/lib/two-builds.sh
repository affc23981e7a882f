# Shared by bench/Reading/coldstart.sh and bench/Reading/search-ab.sh, which compare the working tree with an earlier
# revision on the 100,000-story bench store: source it from the repository root. Needs git and curl.

# two_builds PORT SETTING BASE -> sets db (the bench store) and work (a directory removed on exit, with the servers
# started from it), checks that PORT is free (SETTING names the variable that moves it) and builds both (build_both)
two_builds() {
  db=$(bench_store)
  port_free "$1" "$2"
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # work is fixed now
  trap "remove_builds '$work'" EXIT
  build_both "$work" "$3"
}

# bench_store -> the 100,000-story bench store's path; fails if it has not been generated
bench_store() {
  local db=$PWD/artifacts/bench/reading-100000.db
  [ -f "$db" ] || { echo "no $db: run bench/Reading/run.sh 100000 first" >&2; return 1; }
  echo "$db"
}

# port_free PORT SETTING -> fails if a server already answers on PORT (it would be measured instead of ours)
port_free() {
  if curl -s -o /dev/null "http://127.0.0.1:$1/"; then echo "port $1 is in use; set $2" >&2; return 1; fi
}

# build_both WORK BASE -> the working tree published to WORK/new and BASE (checked out at WORK/src) to WORK/base, each
# as its Dockerfile did: tools/publish.sh where the tree has one, else the framework-dependent ReadyToRun publish of
# earlier revisions. Run the builds with app_command (first-200.sh).
build_both() {
  echo "building the working tree and $2, each as it shipped..." >&2
  publish_tree . "$1/new"
  git worktree add -q --detach "$1/src" "$2"
  publish_tree "$1/src" "$1/base"
}

publish_tree() {
  if [ -x "$1/tools/publish.sh" ]; then "$1/tools/publish.sh" "$2" "$1" >/dev/null
  else dotnet publish "$1/src/NewsDesk.Web" -c Release -o "$2" --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true >/dev/null; fi
}

# remove_builds WORK -> stops servers started from WORK and removes it with its worktree (for an EXIT trap)
remove_builds() {
  pkill -f "$1/" 2>/dev/null || true
  git worktree remove --force "$1/src" 2>/dev/null || true
  rm -rf "$1"
}

# build_label VARIANT BASE -> how a table names the build: "BASE (abc1234)" or "working tree (abc1234)"
build_label() {
  if [ "$1" = base ]; then echo "$2 ($(git rev-parse --short "$2"))"; else echo "working tree ($(git rev-parse --short HEAD))"; fi
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
