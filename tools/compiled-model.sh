#!/usr/bin/env bash
# Regenerates the SQLite compiled model (src/NewsDesk.Core/Data/CompiledModel) from NewsDeskDbContext's configuration.
# Run it after every model change (with the migration); CompiledModelTests fails until it is current.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/NewsDesk.Core/Data/CompiledModel
dotnet tool restore >/dev/null
# The old model may no longer compile against the changed entities; the context finds the model by name, so the
# project builds without it.
rm -rf "$out"
dotnet ef dbcontext optimize --project src/NewsDesk.Core --output-dir Data/CompiledModel \
  --namespace NewsDesk.Core.Data.CompiledModel
# The generated assembly attribute would hand this SQLite model to every provider; the SQLite registration names it.
rm "$out/NewsDeskDbContextAssemblyAttributes.cs"
