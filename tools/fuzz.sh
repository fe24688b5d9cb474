#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/README.md) with clang, ASan and UBSan, and
# runs one target, or every target, for SECONDS each.
#   tools/fuzz.sh TARGET|all SECONDS [extra libFuzzer flags]
# Corpus: build-fuzz/corpus/TARGET (kept between runs, re-seeded from the
# repository each time); findings: build-fuzz/findings/TARGET/. Exit 1 on a finding.
# Needs clang and libFuzzer: apt-get install clang libclang-rt-14-dev (Debian 12).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
target=$1
seconds=$2
shift 2
build=${EDGEPLAN_FUZZ_BUILD:-build-fuzz}
targets=()  # one per fuzz/fuzz_*.cpp, as fuzz/CMakeLists.txt builds them
for source in fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
if [ "$target" != all ]; then
  case " ${targets[*]} " in *" $target "*) targets=("$target") ;; *) echo "fuzz.sh: unknown target $target (one of: ${targets[*]} all)" >&2; exit 2 ;; esac
fi
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found; apt-get install clang libclang-rt-14-dev" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEDGEPLAN_FUZZ=ON -DEDGEPLAN_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

# Every input kind shares one process-wide budget: 4 GiB of RSS, 10 s per input,
# inputs up to 64 KiB (specs and rule packs are small; the limits are the tool's, not these).
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  python3 tools/fuzz_seeds.py "$t" "$corpus" >/dev/null
  log="$build/findings/$t.log"
  echo "== $t: ${seconds}s, $(ls "$corpus" | wc -l) corpus inputs"
  if ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 "$build/fuzz/$t" "$corpus" \
      -dict=fuzz/edgeplan.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -artifact_prefix="$findings/" -print_final_stats=1 "$@" >"$log" 2>&1; then
    echo "   $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | sed 's/.*: /executions: /'),"\
         "$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1), corpus $(ls "$corpus" | wc -l): no finding"
  else
    status=1
    echo "   FINDING: $(ls -t "$findings" | head -1) (log: $log)"
    grep -E 'FUZZ FINDING|ERROR: |SUMMARY: |runtime error' "$log" | head -5 | sed 's/^/   /'
  fi
done
exit $status
