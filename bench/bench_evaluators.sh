#!/usr/bin/env bash
# Rule-evaluation core against JsonLogic peers, on the same work, in one run:
#   edgeplan's evaluator, json-logic-js (the reference interpreter) and
#   json-logic-engine (interpreted, and compiled to JavaScript functions).
#
# 1. builds edgeplan and bench_evaluators in BUILD (default: build)
# 2. exports the facts of every example with `edgeplan facts`
# 3. pairs them with the default rules' expressions (bench/js/make_work.mjs:
#    applies_to respected, for_each rules once per item)
# 4. times every engine over the identical pairs, REPETITIONS passes each
#    (default 50, after one untimed warm-up pass), checks that all engines
#    agree on every result (a mismatch fails the run) and prints the table.
#
# Usage: bench/bench_evaluators.sh [build-dir] [repetitions] [spec...]
#   specs default to every examples/*/workload.json (1,324 options: more data than
#   fits in cache); one spec (107 options) measures the in-cache case `recommend` sees.
# Needs node (v18+) and npm; installs the pinned peers into bench/js/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
repetitions=${2:-50}
shift $(( $# < 2 ? $# : 2 ))
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(examples/*/workload.json)

if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target edgeplan bench_evaluators >/dev/null
(cd bench/js && npm ci --no-audit --no-fund --silent)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/facts"
for spec in "${specs[@]}"; do
  name=$(basename "$(dirname "$spec")")
  "$build/edgeplan" facts "$spec" --format jsonl -o "$work/facts/$name.jsonl"
done
node bench/js/make_work.mjs rules/default "$work"/facts/*.jsonl >"$work/work.json"
"$build/bench/bench_evaluators" "$work/work.json" "$repetitions" "$work/edgeplan.json" 2>/dev/null
node bench/js/run_peers.mjs "$work/work.json" "$repetitions" "$work/edgeplan.json"
