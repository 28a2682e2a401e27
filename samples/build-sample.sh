#!/usr/bin/env bash
# Builds and runs samples/RiscvSample from a clean state, against freshly packed LazyMmuGen packages:
#   1. packs LazyMmuGen.Generator, LazyMmuGen.Runtime, LazyMmuGen.Checker and the LazyMmuGen.Tool tool into
#      artifacts/packages with a unique prerelease version (0.1.0-local.TIMESTAMP.PID), in one `dotnet pack` of a
#      temporary solution, building them in a temporary folder so the repository's own bin/ and obj/ are not
#      touched (skipped when LAZYMMU_FEED and LAZYMMU_VERSION name packages packed already);
#   2. restores the sample with a fresh, empty NuGet packages folder (--packages), so neither the global
#      package cache nor an older package with the same version can be used;
#   3. builds it (warnings are errors), checks that the template override reached the generated code,
#      and runs it: the seed's summary trace and the model checker on riscv-sfence (a descriptor over a
#      built-in mechanism) and riscv-svinval (a descriptor over the sample's own mechanism,
#      mechanisms/svinval-batch/: definition, hook templates, C# primitive and effect kinds);
#   4. installs the packed lazymmu tool with --tool-path from the same feed, and has the installed tool
#      build the sample project and trace and model-check riscv-svinval.
# Exit code: 0 when everything passed, non-zero otherwise. Usage: samples/build-sample.sh [--keep]
# Environment: CONFIGURATION (default Release). LAZYMMU_FEED and LAZYMMU_VERSION, both or neither: a folder
# feed that already holds the four packages at that version (tests/LazyMmuGen.Packaging.Tests packs them once
# for all its tests); the script then packs nothing and restores and installs from that feed (as well as the
# sample's own sources) instead of artifacts/packages.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/samples/RiscvSample"
feed="$root/artifacts/packages"
config="${CONFIGURATION:-Release}"
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S).$$"
packed=false
if [ -n "${LAZYMMU_FEED:-}" ] || [ -n "${LAZYMMU_VERSION:-}" ]; then
  if [ -z "${LAZYMMU_FEED:-}" ] || [ -z "${LAZYMMU_VERSION:-}" ]; then
    echo "error: set both LAZYMMU_FEED and LAZYMMU_VERSION (a feed with the packages packed at that version), or neither" >&2
    exit 2
  fi
  feed="$(cd "$LAZYMMU_FEED" && pwd)"
  version="$LAZYMMU_VERSION"
  packed=true
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/lazymmu-sample.XXXXXX")"
keep=false
[ "${1:-}" = "--keep" ] && keep=true
cleanup() { if $keep; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

# No MSBuild worker nodes or build server outliving the script (they would hold a caller's output pipes open).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
common=(-c "$config" -nologo -v:minimal -p:LazyMmuGenVersion="$version")
started=$SECONDS
step() { echo "==> [$((SECONDS - started))s] $*"; }

# The sample's nuget.config names artifacts/packages as a source: it has to exist even when the packages are elsewhere.
mkdir -p "$root/artifacts/packages"
if $packed; then
  step "use LazyMmuGen $version from $feed (LAZYMMU_FEED, packed already)"
  for id in LazyMmuGen.Generator LazyMmuGen.Runtime LazyMmuGen.Checker LazyMmuGen.Tool; do
    if [ ! -f "$feed/$id.$version.nupkg" ]; then
      echo "error: no $id.$version.nupkg in $feed (LAZYMMU_FEED)" >&2
      exit 2
    fi
  done
  # The sample's own sources (its nuget.config) and this feed; the tool's build of the project below as well.
  export RestoreAdditionalProjectSources="$feed"
else
  # Local prereleases of earlier runs pile up otherwise; an hour old is never one a concurrent run still needs.
  find "$feed" -maxdepth 1 -name 'LazyMmuGen.*-local.*.nupkg' -mmin +60 -delete

  step "pack LazyMmuGen $version into ${feed#"$root"/}"
  # One pack of a temporary solution: the four projects (and what they reference) build once, in one MSBuild run.
  {
    echo "<Solution>"
    for project in generator/LazyMmuGen.Generator.csproj runtime/LazyMmuGen.Runtime.csproj checker/LazyMmuGen.Checker.csproj cli/LazyMmuGen.Cli.csproj; do
      echo "  <Project Path=\"$root/$project\" />"
    done
    echo "</Solution>"
  } > "$work/packages.slnx"
  dotnet pack "$work/packages.slnx" "${common[@]}" -p:Version="$version" -p:PackageOutputPath="$feed/" --artifacts-path "$work/pack"
fi

step "restore samples/RiscvSample with a fresh packages folder"
dotnet restore "$sample/RiscvSample.csproj" -nologo -v:minimal -p:LazyMmuGenVersion="$version" \
  --packages "$work/packages" --artifacts-path "$work/sample"
for id in lazymmugen.generator lazymmugen.runtime lazymmugen.checker; do
  if [ ! -d "$work/packages/$id/$version" ]; then
    echo "error: $id $version was not restored from the local feed" >&2
    exit 1
  fi
done

step "build samples/RiscvSample"
dotnet build "$sample/RiscvSample.csproj" "${common[@]}" --no-restore --artifacts-path "$work/sample"

generated="$(find "$work/sample/obj" -name 'RiscvSfence.g.cs' -path '*generated*' | head -n 1)"
if [ -z "$generated" ] || ! grep -q 'riscv-sample override' "$generated"; then
  echo "error: the generated RiscvSfence.g.cs does not use the templates/mechanisms/tlb-batch/flush.scriban override" >&2
  exit 1
fi
echo "template override in use: $(grep -c 'riscv-sample override' "$generated") fragment(s) in RiscvSfence.g.cs"

step "run samples/RiscvSample"
status=0
dotnet run --project "$sample/RiscvSample.csproj" "${common[@]}" --no-build --artifacts-path "$work/sample" || status=$?

if [ "$status" -eq 0 ]; then
  step "install the lazymmu tool from ${feed#"$root"/}"
  # Only the local feed: the install neither asks the configured sources nor finds an older package.
  printf '<configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/tool.nuget.config"
  dotnet tool install --tool-path "$work/tool" LazyMmuGen.Tool --version "$version" --add-source "$feed" --configfile "$work/tool.nuget.config"
  lazymmu="$work/tool/lazymmu"
  # The tool builds the project itself (dotnet build): the same unique version, a fresh packages folder.
  export LazyMmuGenVersion="$version" NUGET_PACKAGES="$work/packages"
  step "installed tool: trace riscv-svinval (the sample's own mechanism)"
  "$lazymmu" trace --project "$sample/RiscvSample.csproj" --no-builtins --arch riscv-svinval \
    --ops "enable;set_pte;set_pte;set_pte(mm=2);disable;set_pte" || status=$?
  step "installed tool: check riscv-svinval"
  "$lazymmu" check --project "$sample/RiscvSample.csproj" --no-builtins --arch riscv-svinval --depth 4 --no-timing || status=$?
fi

step "done (exit $status)"
if [ "$status" -ne 0 ]; then
  echo "build-sample: FAILED (the sample exited with $status)" >&2
  exit "$status"
fi
echo "build-sample: OK (LazyMmuGen $version, $((SECONDS - started)) s)"
