# Shared by the start-up benchmarks (bench/startup.sh, bench/Reading/coldstart.sh, bench/Reading/run.sh): source it.
# Needs curl.

# app_command APPDIR -> the command that runs a published web app: the apphost of a self-contained build (what
# tools/publish.sh makes), else `dotnet` on the DLL (framework-dependent builds).
app_command() {
  if [ -f "$1/libcoreclr.so" ]; then echo "$1/NewsDesk.Web"; else echo "dotnet $1/NewsDesk.Web.dll"; fi
}

# first_200 PORT LOG COMMAND... -> "wall_ms cpu_ms"
# Starts COMMAND (prefix it with `env NAME=VALUE ...` for settings) listening on PORT, waits for its first 200 on /,
# then stops it. wall is from launch to that 200; cpu is the server's user + system time until then.
first_200() {
  local port=$1 log=$2 t0 t1 pid cpu
  shift 2
  t0=$(date +%s%N)
  "$@" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}
