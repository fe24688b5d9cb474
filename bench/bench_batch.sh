#!/usr/bin/env bash
# Benchmark: end-to-end `edgeplan batch` throughput and peak memory on synthetic
# portfolios (bench/gen_portfolio.py, seeded: the same specs every run) against
# the full default catalog, at --jobs 1 and --jobs 2 so scaling is visible.
# Not part of ctest. Needs /usr/bin/time (Debian package "time").
# Usage: bench/bench_batch.sh [build-dir] [sizes...]     (default sizes: 10000 100000)
# EDGEPLAN_BASELINE=/path/to/another/edgeplan adds its rows, run right after ours on
# the same portfolio, and the ratio of our throughput to it (before/after a change).
# EDGEPLAN_BENCH_RUNS=N (default 3): each row is the run with the median wall time.
# The "2×1" row is the machine's own ceiling for --jobs 2: two independent
# `--jobs 1` processes at once, each on half of the portfolio (wall = the later).
set -euo pipefail
build=${1:-build}
shift || true

[ $# -gt 0 ] && sizes=("$@") || sizes=(10000 100000)
bin="$build/edgeplan"
here=$(cd "$(dirname "$0")" && pwd)
work=${EDGEPLAN_BENCH_DIR:-/tmp/edgeplan-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench_batch.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

runs=${EDGEPLAN_BENCH_RUNS:-3}

timed() {  # log input jobs binary: one batch run under /usr/bin/time -v
  local status=0
  /usr/bin/time -v "$4" -q batch "$2" --jobs "$3" --no-progress >/dev/null 2>"$1" || status=$?
  # 1 (some workloads without a feasible placement) and 3 (some invalid) are results, not failures.
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then cat "$1" >&2; exit 1; fi
}

measured() {  # logs... -> "wall_s rss_mib cpu_s": wall and RSS the largest, CPU summed
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]; if (s > wall) wall = s }
              /Maximum resident set size/ { if ($2 / 1024 > rss) rss = $2 / 1024 }
              /User time|System time/ { cpu += $2 }
              END { printf "%.2f %.1f %.2f\n", wall, rss, cpu }' "$@"
}

median() { sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

run() {  # size jobs [binary] -> "wall_s rss_mib cpu_s" of the median run
  local input="$work/portfolio-$1.jsonl" log="$work/time-$1-$2.log" binary=${3:-$bin}
  for _ in $(seq "$runs"); do
    timed "$log" "$input" "$2" "$binary"
    measured "$log"
  done | median
}

run_halves() {  # size -> the same for two --jobs 1 processes on the two halves at once
  local input="$work/portfolio-$1.jsonl" lines
  lines=$(wc -l <"$input")
  head -n $(( (lines + 1) / 2 )) "$input" >"$work/half-a-$1.jsonl"
  tail -n +$(( (lines + 1) / 2 + 1 )) "$input" >"$work/half-b-$1.jsonl"
  for _ in $(seq "$runs"); do
    timed "$work/time-$1-a.log" "$work/half-a-$1.jsonl" 1 "$bin" &
    timed "$work/time-$1-b.log" "$work/half-b-$1.jsonl" 1 "$bin"
    wait
    measured "$work/time-$1-a.log" "$work/time-$1-b.log"
  done | median
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
  read -r wallh rssh cpuh <<<"$(run_halves "$size")"
  printf '%-10s %5s %9s %13.0f %14s %8.2fx %8s   two independent --jobs 1 processes, half each\n' "$size" "2×1" "$wallh" \
    "$(echo "$size / $wallh" | bc -l)" "$rssh" "$(echo "$wall1 / $wallh" | bc -l)" "$cpuh"
  if [ -n "${EDGEPLAN_BASELINE:-}" ]; then
    for jobs in 1 2; do
      read -r wallb rssb cpub <<<"$(run "$size" "$jobs" "$EDGEPLAN_BASELINE")"
      ours=$([ "$jobs" = 1 ] && echo "$wall1" || echo "$wall2")
      printf '%-10s %5s %9s %13.0f %14s %9s %8s   baseline: ours is %.2fx faster\n' "$size" "$jobs" "$wallb" \
        "$(echo "$size / $wallb" | bc -l)" "$rssb" "" "$cpub" "$(echo "$wallb / $ours" | bc -l)"
    done
  fi
done
