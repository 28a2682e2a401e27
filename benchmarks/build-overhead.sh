#!/usr/bin/env bash
# Build overhead of the generator (issue 6): the build time of the generated library (arches/) with the
# generator, against the same generated code compiled as plain C# without it.
#
#   with generator     a copy of runtime/, generator/, templates/ and arches/ (with its *.arch.yaml):
#                      the generator project is built, then renders the descriptors inside csc.
#   without generator  a copy of runtime/ plus a project compiling the *.g.cs files this very generator
#                      emitted for the same descriptors (same assembly name, same Directory.Build.props).
#
# Both copies live in benchmarks/artifacts/build-overhead (ignored by git), so the shared bin/ and obj/
# folders of the working tree are never touched. Each timed build starts from empty bin/ and obj/Release
# (restore is done once, up front) and runs `dotnet build -c Release --no-restore`:
#   whole build    the library and everything it references (the generator project itself included);
#   library only   --no-dependencies with the references already built: just the library's csc.
# One unmeasured build of each comes first. RUNS timed builds each (default 3); medians are reported.
# (`dotnet build --no-incremental arches` is not used: it fails with CS0518 IsExternalInit in the
# generator when the rebuild reaches it through the arches ProjectReference.)
#
# Usage: benchmarks/build-overhead.sh            (RUNS=5 benchmarks/build-overhead.sh for more samples)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-3}
work=$root/benchmarks/artifacts/build-overhead
with=$work/with
without=$work/without
log=$work/build.log

fail() { echo "build failed: $*; last lines of $log:" >&2; tail -25 "$log" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$with" "$without/NoGenerator/generated"
: > "$log"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"
echo "compiler server: UseSharedCompilation=${UseSharedCompilation:-unset (default: on)}; MSBuild node reuse: MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-unset}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The two source trees.
copy_sources() { # destination, folders...
  local dest=$1; shift
  cp Directory.Build.props Directory.Packages.props "$dest/"
  for folder in "$@"; do
    mkdir -p "$dest/$folder"
    tar -C "$folder" --exclude=bin --exclude=obj -cf - . | tar -C "$dest/$folder" -xf -
  done
}
copy_sources "$with" runtime generator templates arches
copy_sources "$without" runtime

# 2. The generator's output for these descriptors, emitted fresh by the "with" copy.
dotnet build "$with/arches" -c Release -p:CompilerGeneratedFilesOutputPath="$work/emitted" >> "$log" 2>&1 || fail "arches (with generator)"
find "$work/emitted" -name '*.g.cs' -exec cp {} "$without/NoGenerator/generated/" \;
count=$(find "$without/NoGenerator/generated" -name '*.g.cs' | wc -l)
[ "$count" -gt 0 ] || fail "no generated files were emitted"
cat > "$without/NoGenerator/LazyMmuGen.Arches.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Written by benchmarks/build-overhead.sh: the generated arches compiled without the generator. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>LazyMmuGen.Arches</RootNamespace>
    <AssemblyName>LazyMmuGen.Arches</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../runtime/LazyMmuGen.Runtime.csproj" />
  </ItemGroup>
</Project>
EOF
dotnet build "$without/NoGenerator" -c Release >> "$log" 2>&1 || fail "the copy without generator"

# 3. Timed builds.
median() { sort -n | awk '{a[NR]=$1} END {m=(NR+1)/2; if (NR%2) print a[m]; else print (a[NR/2]+a[NR/2+1])/2}'; }
clean() { # tree, folders whose outputs go...
  local tree=$1; shift
  for folder in "$@"; do rm -rf "$tree/$folder/bin" "$tree/$folder/obj/Release"; done
}
time_build() { # tree, project folder, scope (whole|library); prints seconds
  local tree=$1 project=$2 scope=$3 start end
  if [ "$scope" = whole ]; then
    clean "$tree" runtime generator arches NoGenerator
    set -- --no-restore
  else
    clean "$tree" "$project"
    set -- --no-restore --no-dependencies
  fi
  start=$(date +%s.%N)
  dotnet build "$tree/$project" -c Release "$@" >> "$log" 2>&1 || return 1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
measure() { # label, tree, project folder, scope
  local label=$1; shift
  time_build "$@" > /dev/null || fail "$label" # warm-up, not counted
  local samples=() sample med
  for _ in $(seq "$runs"); do
    sample=$(time_build "$@") || fail "$label"
    samples+=("$sample")
  done
  med=$(printf '%s\n' "${samples[@]}" | median)
  printf '%-34s median %6.2f s   samples: %s\n' "$label" "$med" "$(printf '%.2f ' "${samples[@]}")" >&2
  echo "$med"
}

echo "generated files: $count (from $(ls arches/*.arch.yaml | wc -l) descriptors); $runs timed runs each"
whole_with=$(measure "whole build, with generator" "$with" arches whole) || exit 1
whole_without=$(measure "whole build, without generator" "$without" NoGenerator whole) || exit 1
lib_with=$(measure "library only, with generator" "$with" arches library) || exit 1
lib_without=$(measure "library only, without generator" "$without" NoGenerator library) || exit 1

echo
printf '| build | with generator | without | overhead |\n|---|---|---|---|\n'
printf '| whole (runtime + generator + arches) | %.2f s | %.2f s | %+.2f s (%.2fx) |\n' "$whole_with" "$whole_without" \
  "$(echo "$whole_with - $whole_without" | bc)" "$(echo "$whole_with / $whole_without" | bc -l)"
printf '| library only (--no-dependencies) | %.2f s | %.2f s | %+.2f s (%.2fx) |\n' "$lib_with" "$lib_without" \
  "$(echo "$lib_with - $lib_without" | bc)" "$(echo "$lib_with / $lib_without" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
