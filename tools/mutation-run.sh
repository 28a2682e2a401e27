#!/usr/bin/env bash
# The mutation run of issue 14: plausible mistakes in the built-in mechanism fragments (a deleted statement,
# an inverted condition, preempt_disable/enable swapped), each compiled through a template override into the
# built-in arches that use the mechanism and model-checked; prints each mutant's verdict and the kill rate.
# Usage: tools/mutation-run.sh [DEPTH] [CAPACITY]   (default 4 and 2: arches with a larger batch capacity are also
# checked as a LazyMmuBatchCapacity=CAPACITY build; 0 turns that off). Not part of `dotnet test`. Results: docs/mutation.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project "$root/tools/Mutation/LazyMmuGen.Mutation.csproj" -- "$root" "${1:-4}" "${2:-2}"
