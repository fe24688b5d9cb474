#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install dependencies, build
# everything (tool, tests, benchmarks), and run `edgeplan recommend` on an example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEPLAN_WERROR=ON
cmake --build build -j"$(nproc)"
./build/edgeplan recommend examples/live-streaming-denver/workload.json
