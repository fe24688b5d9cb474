#!/usr/bin/env bash
# Benchmark: end-to-end `edgeplan batch` throughput and peak memory on synthetic
# portfolios (bench/gen_portfolio.py, seeded: the same specs every run) against
# the full default catalog, at --jobs 1 and --jobs 2 so scaling is visible.
# Not part of ctest. Needs /usr/bin/time (Debian package "time").
# Usage: bench/bench_batch.sh [build-dir] [sizes...]     (default sizes: 10000 100000)
# EDGEPLAN_BASELINE=/path/to/another/edgeplan adds its rows, run right after ours on
# the same portfolio, and the ratio of our throughput to it (before/after a change).
set -euo pipefail
build=${1:-build}
shift || true

[ $# -gt 0 ] && sizes=("$@") || sizes=(10000 100000)
bin="$build/edgeplan"
here=$(cd "$(dirname "$0")" && pwd)
work=${EDGEPLAN_BENCH_DIR:-/tmp/edgeplan-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench_batch.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

run() {  # size jobs [binary] -> "wall_s rss_mib cpu_s"
  local input="$work/portfolio-$1.jsonl" log="$work/time-$1-$2.log" binary=${3:-$bin}
  local status=0
  /usr/bin/time -v "$binary" -q batch "$input" --jobs "$2" --no-progress >/dev/null 2>"$log" || status=$?
  # 1 (some workloads without a feasible placement) and 3 (some invalid) are results, not failures.
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then cat "$log" >&2; exit 1; fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
              /Maximum resident set size/ { rss = $2 / 1024 }
              /User time|System time/ { cpu += $2 }
              END { printf "%.2f %.1f %.2f", s, rss, cpu }' "$log"
}

# On a shared machine the wall-clock speed-up also depends on what else runs;
# CPU s (user + system) shows whether the work itself grows with --jobs.
printf '%-10s %5s %9s %13s %14s %9s %8s\n' "workloads" "jobs" "wall s" "workloads/s" "peak RSS MiB" "speed-up" "CPU s"
for size in "${sizes[@]}"; do
  input="$work/portfolio-$size.jsonl"
  [ -s "$input" ] || python3 "$here/gen_portfolio.py" --count "$size" --seed 42 --jsonl "$input"
  read -r wall1 rss1 cpu1 <<<"$(run "$size" 1)"
  printf '%-10s %5s %9s %13.0f %14s %9s %8s\n' "$size" 1 "$wall1" "$(echo "$size / $wall1" | bc -l)" "$rss1" "1.00x" "$cpu1"
  read -r wall2 rss2 cpu2 <<<"$(run "$size" 2)"
  printf '%-10s %5s %9s %13.0f %14s %8.2fx %8s\n' "$size" 2 "$wall2" "$(echo "$size / $wall2" | bc -l)" "$rss2" "$(echo "$wall1 / $wall2" | bc -l)" "$cpu2"
  if [ -n "${EDGEPLAN_BASELINE:-}" ]; then
    for jobs in 1 2; do
      read -r wallb rssb cpub <<<"$(run "$size" "$jobs" "$EDGEPLAN_BASELINE")"
      ours=$([ "$jobs" = 1 ] && echo "$wall1" || echo "$wall2")
      printf '%-10s %5s %9s %13.0f %14s %9s %8s   baseline: ours is %.2fx faster\n' "$size" "$jobs" "$wallb" \
        "$(echo "$size / $wallb" | bc -l)" "$rssb" "" "$cpub" "$(echo "$wallb / $ours" | bc -l)"
    done
  fi
done
