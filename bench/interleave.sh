#!/usr/bin/env bash
# Benchmark: median and 10th-percentile wall time of each command, run
# interleaved (one run of each per round), so that a host whose speed drifts
# during the run slows every command alike. Not part of ctest.
# Usage: bench/interleave.sh ROUNDS 'command one' 'command two' ...
# Each command is one string, split on spaces (no quoting inside).
set -euo pipefail
rounds=$1
shift
commands=("$@")
declare -a times
for ((round = 0; round < rounds; round++)); do
  for ((k = 0; k < ${#commands[@]}; k++)); do
    read -ra words <<<"${commands[k]}"
    # $EPOCHREALTIME (bash 5, microseconds) forks nothing.
    t0=${EPOCHREALTIME/[.,]/}
    "${words[@]}" >/dev/null 2>&1 || true
    t1=${EPOCHREALTIME/[.,]/}
    times[k]+="$((t1 - t0)) "
  done
done
for ((k = 0; k < ${#commands[@]}; k++)); do
  echo "${times[k]}" | tr ' ' '\n' | grep . | sort -n |
    awk -v c="${commands[k]}" '{ t[NR] = $1 } END { printf "%-72s median %6.2f ms  p10 %6.2f ms\n", c, t[int((NR + 1) / 2)] / 1000, t[int(NR / 10) + 1] / 1000 }'
done
