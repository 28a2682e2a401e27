#!/usr/bin/env bash
# Coverage-guided fuzzing of the descriptor reader: SharpFuzz instruments the generator and YamlDotNet, afl++
# drives fuzz/LazyMmuGen.Fuzz (the generator's descriptor path for one *.arch.yaml) from the built-in descriptors.
# See docs/fuzzing.md. Non-interactive; prints afl's figures and any crash or hang at the end.
#
#   fuzz/run.sh [--time SECONDS] [--out DIR] [--timeout MS]
#
#   --time     how long afl-fuzz fuzzes (afl-fuzz -V), default 600
#   --out      where the build, the instrumented copy, the seeds and afl's findings go, default artifacts/fuzz
#   --timeout  afl's per-input time limit in ms (past it an input is a hang), default 5000
#
# Exit status: 0 when the run found nothing, 1 when it saved a crash or a hang, 2 on a usage or setup error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=600
out="$root/artifacts/fuzz"
timeout_ms=5000
sharpfuzz_version=2.3.0

while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds="${2:?--time needs a number of seconds}"; shift 2 ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --timeout) timeout_ms="${2:?--timeout needs a number of milliseconds}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$seconds$timeout_ms" in
  *[!0-9]*) echo "run.sh: --time and --timeout take whole numbers" >&2; exit 2 ;;
esac
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  cat >&2 <<'EOF'
run.sh: afl-fuzz is not installed. It is Debian's afl++ package:

    sudo apt-get update && sudo apt-get install -y afl++

(then run fuzz/run.sh again; see docs/fuzzing.md)
EOF
  exit 2
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: dotnet (the .NET 10 SDK) is not on PATH" >&2
  exit 2
fi

say() { printf '\n==> %s\n' "$*"; }

# 1. Build in Release with its own bin/obj (under $out), so the working tree's bin/ and obj/ are never touched.
say "building fuzz/LazyMmuGen.Fuzz (Release) into $out/build"
dotnet build "$root/fuzz/LazyMmuGen.Fuzz/LazyMmuGen.Fuzz.csproj" -c Release --artifacts-path "$out/build" -nologo -v quiet
bin="$out/bin"
rm -rf "$bin"
cp -r "$out/build/bin/LazyMmuGen.Fuzz/release" "$bin"

# 2. Instrument a copy of the generator and YamlDotNet in place (afl edge coverage). Nothing else: Roslyn,
#    Scriban and the fuzz project itself are not what is under test.
tools="$out/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  say "installing SharpFuzz.CommandLine $sharpfuzz_version into $tools"
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >/dev/null
fi
for dll in LazyMmuGen.Generator.dll YamlDotNet.dll; do
  say "instrumenting $dll"
  "$tools/sharpfuzz" "$bin/$dll"
done
target=(dotnet "$bin/LazyMmuGen.Fuzz.dll")

# 3. Seeds: the built-in descriptors and the sample's. Dictionary: derived from the schema and the mechanism catalog.
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
cp "$root"/arches/*.arch.yaml "$root"/samples/RiscvSample/*.arch.yaml "$seeds"/
dict="$out/descriptor.dict"
"${target[@]}" --dictionary "$root/schema/arch.schema.json" "$dict"
say "seeds: $(ls "$seeds" | wc -l) descriptors in $seeds; dictionary: $dict"

# 4. Fuzz: one instance, no CPU binding (the machine is shared), no UI.
findings="$out/findings"
if [ -d "$findings" ]; then
  rm -rf "$findings.previous"
  mv "$findings" "$findings.previous"
  echo "(the previous run's findings were moved to $findings.previous)"
fi
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
# .NET starts slowly, more so on a busy machine: give the fork server a minute to say hello.
export AFL_FORKSRV_INIT_TMOUT="${AFL_FORKSRV_INIT_TMOUT:-60000}"
core_pattern="$(cat /proc/sys/kernel/core_pattern 2>/dev/null || echo core)"
if [ "${core_pattern:0:1}" = "|" ]; then
  # afl-fuzz refuses to start when core dumps go to a program (it may delay crash reports). Fix it if we may,
  # else tell afl not to care: SharpFuzz reports a managed crash itself, so nothing is lost for this target.
  if [ -w /proc/sys/kernel/core_pattern ] && echo core > /proc/sys/kernel/core_pattern 2>/dev/null; then
    echo "(set /proc/sys/kernel/core_pattern to 'core' for afl-fuzz)"
  else
    export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
  fi
fi
log="$out/afl-fuzz.log"
say "afl-fuzz for ${seconds}s (per-input limit ${timeout_ms} ms); log: $log"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
set +e
# The outer timeout is only a safety net should afl-fuzz not stop by itself after -V.
timeout --kill-after=30 $((seconds + 600)) \
  afl-fuzz -i "$seeds" -o "$findings" -x "$dict" -t "$timeout_ms" -m none -V "$seconds" -- "${target[@]}" >"$log" 2>&1
status=$?
set -e
stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "run.sh: afl-fuzz exited with status $status and wrote no fuzzer_stats; the end of its log:" >&2
  tail -n 40 "$log" >&2
  exit 2
fi

# 5. Figures.
figure() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes="$(figure saved_crashes)"; crashes="${crashes:-$(figure unique_crashes)}"
hangs="$(figure saved_hangs)"; hangs="${hangs:-$(figure unique_hangs)}"
corpus="$(figure corpus_count)"; corpus="${corpus:-$(figure paths_total)}"
say "figures (afl-fuzz $(figure afl_version), started $started, status $status)"
printf '  %-22s %s\n' \
  "run time (s)" "$(figure run_time)" \
  "execs done" "$(figure execs_done)" \
  "execs/s (whole run)" "$(figure execs_per_sec)" \
  "execs/s (last minute)" "$(figure execs_ps_last_min)" \
  "corpus count (paths)" "$corpus" \
  "corpus found" "$(figure corpus_found)" \
  "edges found" "$(figure edges_found)" \
  "bitmap coverage" "$(figure bitmap_cvg)" \
  "stability" "$(figure stability)" \
  "saved crashes" "$crashes" \
  "saved hangs" "$hangs"

# 6. Findings, listed, and re-run directly (in process, 10 s limit) to tell a real hang from a slow moment.
found=()
for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -e "$f" ] && found+=("$f")
done
if [ ${#found[@]} -eq 0 ]; then
  say "no crash and no hang"
  exit 0
fi
say "${#found[@]} finding(s):"
printf '  %s\n' "${found[@]}"
# Many saved inputs are usually one bug; each hang takes the full 10 s to confirm, so at most 20 are re-run.
say "re-running $( [ ${#found[@]} -gt 20 ] && echo "the first 20" || echo "each") directly (in process, 10 s limit):"
"${target[@]}" --repro --timeout-ms 10000 "${found[@]:0:20}" || true
echo
echo "Turn each into a regression test in tests/LazyMmuGen.Generator.Tests/FuzzTests.cs (see docs/fuzzing.md)."
exit 1
