#!/usr/bin/env bash
# Runs every command on every example in every format, plus batch on a seeded
# portfolio, and writes each output (stdout, stderr, exit code) to DIR, one file
# per run. Two snapshots of two builds are then compared with `diff -r`:
#
#   tools/snapshot_outputs.sh build/edgeplan /tmp/before
#   ... change the code, rebuild ...
#   tools/snapshot_outputs.sh build/edgeplan /tmp/after && diff -r /tmp/before /tmp/after
#
# Refactorings must leave the two byte-identical (deliberate fixes are listed).
set -u
BIN=$(realpath "$1"); OUT=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
rm -rf "$OUT"; mkdir -p "$OUT"
N=0
run() {  # run NAME ARGS...: stdout, stderr and exit code under NAME
  local name=$1; shift
  N=$((N + 1))
  "$BIN" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" </dev/null
  echo $? >"$OUT/$name.rc"
  # batch reports its wall time and throughput: the only bytes that may differ
  sed -i -E 's/in [0-9.]+ s \([0-9]+ workloads\/s\)/in T s (R workloads\/s)/' "$OUT/$name.err"
}
export EDGEPLAN_LOG_LEVEL=warn NO_COLOR=1
TODAY=--today=2026-06-01
for dir in examples/*/; do
  spec=$dir/workload.json; [ -f "$spec" ] || continue
  ex=$(basename "$dir")
  for f in text json markdown; do run "recommend.$ex.$f" recommend "$spec" --format "$f"; done
  run "recommend.$ex.top3" recommend "$spec" --top 3
  for f in text json markdown; do run "capacity.$ex.$f" capacity "$spec" --format "$f"; done
  for f in jsonl json; do run "facts.$ex.$f" facts "$spec" --format "$f"; done
  run "validate.$ex" validate "$spec"
  for f in text json sarif junit github markdown; do run "check.$ex.$f" check "$spec" --format "$f" $TODAY; done
  first=$("$BIN" recommend "$spec" --format json 2>/dev/null | python3 -c 'import json,sys
d=json.load(sys.stdin); o=(d.get("eligible") or d.get("excluded") or [{}])[0]; print(o.get("id",""))' 2>/dev/null)
  [ -n "$first" ] && run "recommend.$ex.explain" recommend "$spec" --explain "$first"
done
run "capacity.shared.text" capacity examples/shared-outpost/workload.json --outpost examples/shared-outpost/outpost-capacity.json
run "capacity.shared.json" capacity examples/shared-outpost/workload.json --outpost examples/shared-outpost/outpost-capacity.json --format json
for f in text json sarif junit github markdown; do
  run "check.ci.$f" check examples/ci/specs --format "$f" --rules examples/ci/policy/org --rules examples/ci/policy/team $TODAY
done
run "check.ci.require-top" check examples/ci/specs --require-top --fail-on warning $TODAY
run "check.ci.no-waivers" check examples/ci/specs --no-waivers --format json $TODAY
for f in jsonl csv markdown text; do
  run "batch.portfolio.$f" batch examples/portfolio --format "$f" -j 2 --no-progress
  run "batch.intake.$f" batch examples/portfolio-intake/requests.jsonl --format "$f" -j 2 --no-progress
done
run "batch.portfolio.shard" batch examples/portfolio --shard 2/3 -j 1 --no-progress
SEEDED=${TMPDIR:-/tmp}/edgeplan-snapshot-seeded.jsonl  # one path, so outputs that name it compare
python3 bench/gen_portfolio.py --count 300 --seed 7 --jsonl "$SEEDED" >/dev/null
for f in jsonl csv markdown; do run "batch.seeded.$f" batch "$SEEDED" --format "$f" -j 2 --no-progress; done
run "rules.list" rules list
run "rules.list.ci" rules list --rules examples/ci/policy/org
run "rules.test" rules test rules/default --require-coverage
run "rules.eval" rules eval --logic '{"<": [{"var": "a"}, 3]}' --data '{"a": 1}'
run "rules.test.json" rules test rules/default --format json
run "validate.bad" validate tests/data/bad
for bad in tests/data/bad/*.json; do
  b=$(basename "$bad" .json)
  run "recommend.bad.$b" recommend "$bad"
  run "check.bad.$b" check "$bad" --format json $TODAY
done
# colour (text formats only): the escape codes are output too
run "color.recommend" --color always recommend examples/erp-onprem-database/workload.json
run "color.explain" --color always recommend examples/erp-onprem-database/workload.json --explain us-east-1
run "color.check" --color always check examples/ci/specs $TODAY
run "color.rules.test" --color always rules test rules/default
run "color.capacity" --color always capacity examples/shared-outpost/workload.json
run "version" --version
run "help" --help
for c in recommend capacity check batch validate rules facts; do run "help.$c" "$c" --help; done
rm -f "$SEEDED"
echo "$N runs in $OUT"
