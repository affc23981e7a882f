#!/usr/bin/env bash
# Publishes the web app as it ships (the Dockerfile and the benchmarks use this): self-contained, with the app and the
# .NET framework precompiled together as one composite ReadyToRun image, so generic code shared between them needs no
# JIT at start. It starts about 10% sooner than the framework-dependent ReadyToRun publish (docs/benchmarks.md), and
# takes a few minutes on two cores. Run the result as OUTPUT/NewsDesk.Web (no .NET install needed).
# Usage: tools/publish.sh OUTPUT [SOURCE_ROOT]   (RID=linux-arm64 for another platform; default linux-x64)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: tools/publish.sh OUTPUT [SOURCE_ROOT]" >&2; exit 2; }
root=${2:-$(cd "$(dirname "$0")/.." && pwd)}
dotnet publish "$root/src/NewsDesk.Web/NewsDesk.Web.csproj" -c Release -o "$1" --nologo -v q \
  -r "${RID:-linux-x64}" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true
