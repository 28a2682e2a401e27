#!/usr/bin/env bash
# Regenerates every figure in docs/simulate.md from the current build: docs/simulate.svg,
# docs/simulate-calibration.svg and each output block marked by the comment line before it
#   <!-- output of: ARGS -->   the whole output of `lazymmu ARGS`
#   <!-- summary of: ARGS -->  its summary table (the lines after "summary:").
# It is `lazymmu accept`, which rewrites these together with every other artifact the tests compare
# against (cli/Accept/SimulateDoc.cs holds the block rules). DocsChartTests and DocsTextTests
# (tests/LazyMmuGen.Simulator.Tests) fail while any of these is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project cli -- accept
