#!/usr/bin/env bash
# Benchmark: median wall time of `edgeplan recommend` on one workload against the
# full default catalog, next to `edgeplan --version` (the process-start baseline:
# it prints what the build summarised of the embedded catalog and rules, and
# loads neither) and `/bin/true` (an empty process), measured in the same run.
# Usage: bench/recommend_vs_version.sh [build-dir] [runs] [workload]
set -euo pipefail
build=${1:-build}
runs=${2:-31}
spec=${3:-examples/live-streaming-denver/workload.json}
bin="$build/edgeplan"

median_ms() {  # command... -> median wall ms over $runs runs (after one warm-up)
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$runs"); do
    # $EPOCHREALTIME (bash 5, microseconds) forks nothing: $(date) would add a
    # process start to every measurement, as much as /bin/true itself.
    local t0 t1
    t0=${EPOCHREALTIME/[.,]/}
    "$@" >/dev/null 2>&1 || true
    t1=${EPOCHREALTIME/[.,]/}
    times+=($(( t1 - t0 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.2f", $1 / 1000 }'
}

empty=$(median_ms /bin/true)
version=$(median_ms "$bin" --version)
text=$(median_ms "$bin" recommend "$spec")
json=$(median_ms "$bin" recommend "$spec" --format json)
printf 'runs per command: %s, workload: %s\n' "$runs" "$spec"
printf '%-36s %8s ms\n' "/bin/true (empty process)" "$empty"
printf '%-36s %8s ms  (%.2fx /bin/true)\n' "edgeplan --version (baseline)" "$version" "$(awk -v a="$version" -v b="$empty" "BEGIN{print a/b}")"
printf '%-36s %8s ms  (%.2fx baseline)\n' "edgeplan recommend (text)" "$text" "$(awk -v a="$text" -v b="$version" "BEGIN{print a/b}")"
printf '%-36s %8s ms  (%.2fx baseline)\n' "edgeplan recommend --format json" "$json" "$(awk -v a="$json" -v b="$version" "BEGIN{print a/b}")"
