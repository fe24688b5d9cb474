#!/usr/bin/env bash
# Where `edgeplan batch` spends its instructions per workload, stage by stage:
# the first N specs of the seeded synthetic portfolio (bench/gen_portfolio.py)
# under callgrind, at --jobs 1, split by the inclusive cost of the functions
# that begin each stage. Instructions do not depend on what else the machine
# runs, so the table is comparable between runs and machines of one ISA.
# Not part of ctest. Needs valgrind (Debian package "valgrind").
# Usage: bench/profile_batch.sh [build-dir] [workloads]     (default: build 300)
set -euo pipefail
build=${1:-build}
count=${2:-300}
here=$(cd "$(dirname "$0")" && pwd)
work=${EDGEPLAN_BENCH_DIR:-/tmp/edgeplan-bench}
mkdir -p "$work"
command -v valgrind >/dev/null || { echo "profile_batch.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }

input="$work/profile-$count.jsonl"
python3 "$here/gen_portfolio.py" --count "$count" --seed 42 --jsonl "$input"
out="$work/callgrind-$count.out"
# Exit 1 (some workloads without a feasible placement) is a result, not a failure.
valgrind --tool=callgrind --callgrind-out-file="$out" "$build/edgeplan" -q batch "$input" --jobs 1 --no-progress >/dev/null 2>"$work/callgrind.log" || [ $? -eq 1 ]
# One pass of callgrind_annotate: each function's inclusive cost ("*" line) with
# its callers ("<") above and callees (">") below, groups apart by blank lines.
tree="$work/callgrind-tree.txt"
callgrind_annotate --inclusive=yes --tree=both --threshold=100 "$out" 2>/dev/null >"$tree"

# Inclusive instructions of the first function whose name starts with $1 (0 when
# inlined away or named otherwise in this build).
cost() {
  awk -v name="$1" 'index($0, "*  ???:" name) > 0 { gsub(",", "", $1); print $1; found = 1; exit }
                    END { if (!found) print 0 }' "$tree"
}
# Inclusive instructions of $1 when called from $2 (start-up parses the catalog and rules too).
cost_from() {
  awk -v callee="$1" -v caller="$2" '/^ *$/ { n = 0; next }
    index($0, "< ???:" caller) > 0 { gsub(",", "", $1); n = $1; next }
    index($0, "*  ???:" callee) > 0 { print n + 0; found = 1; exit }
    END { if (!found) print 0 }' "$tree"
}
# How many times $1 was called, summed over its callers.
calls() {
  grep -F ">   ???:$1" "$tree" | grep -oE '\(([0-9,]+)x\)' | tr -d '(),x' | awk '{ n += $1 } END { print n + 0 }'
}

total=$(cost "edgeplan::run_ordered(")
parse=$(cost_from "edgeplan::JsonDocument::parse(" "edgeplan::evaluate_input(")
schema=$(cost "edgeplan::SchemaValidator::validate(")
load=$(cost "edgeplan::load_workload(edgeplan::JsonDocument")
# A batch shares the catalog's site candidates (made once, before the loop):
# per workload only its own (Outposts) are made; build_candidates elsewhere.
candidates=$(( $(cost "edgeplan::build_candidates(") + $(cost "edgeplan::workload_candidates(") ))
apply=$(cost "edgeplan::CompiledRules::apply(")
facts=$(cost "edgeplan::LazyFacts::build(")
latency=$(cost "edgeplan::(anonymous namespace)::write_latency(")
residency=$(cost "edgeplan::(anonymous namespace)::write_residency(")
services=$(cost "edgeplan::(anonymous namespace)::write_services(")
user_rtt=$(cost "edgeplan::estimate_internet_rtt(")
site_rtt=$(cost "edgeplan::estimate_site_rtt(")
test=$(cost "edgeplan::jsonlogic::Expression::test(")
exclusion=$(cost "edgeplan::Finding const* edgeplan::CompiledRules::Run::add_finding<edgeplan::CompiledRules::Run::record_exclusion")
recommend=$(cost "edgeplan::recommend(")
digests=$(cost "edgeplan::report_digests(")
render=$(cost "edgeplan::render_detail::jsonl::record")
evaluations=$(calls "edgeplan::jsonlogic::Expression::test(")

awk -v n="$count" -v total="$total" -v parse="$parse" -v schema="$schema" -v load="$load" -v candidates="$candidates" \
    -v apply="$apply" -v facts="$facts" -v latency="$latency" -v residency="$residency" -v services="$services" \
    -v user_rtt="$user_rtt" -v site_rtt="$site_rtt" -v test="$test" -v exclusion="$exclusion" -v recommend="$recommend" \
    -v digests="$digests" -v render="$render" -v evaluations="$evaluations" '
function row(what, value) { printf "| %s | %.0f | %.1f %% |\n", what, value / n / 1000, 100 * value / total }
BEGIN {
  printf "%d workloads, %.2f M instructions per workload (batch loop; start-up excluded); %.0f rule evaluations per workload\n\n", n, total / n / 1e6, evaluations / n
  print "| stage | k instructions / workload | share |"
  print "|---|---:|---:|"
  row("parse the spec (JsonDocument::parse)", parse)
  row("validate against the JSON Schema (valijson)", schema)
  row("read into the model, semantic checks", load - schema)
  row("candidates", candidates)
  row("facts: latency", latency)
  row("facts: residency", residency)
  row("facts: services", services)
  row("facts: the other groups", facts - latency - residency - services)
  row("rules: the evaluator (Expression::test)", test)
  row("rules: data views and path lookups", apply - facts - test - exclusion)
  row("rules: exclusion findings", exclusion)
  row("rank and summarise", recommend - apply - candidates - digests)
  row("input digests (SHA-256 of the canonical spec)", digests)
  row("render the JSONL record", render)
  row("the rest (batch loop, error handling)", total - parse - load - recommend - render)
  print ""
  row("included above: the RTT model itself (estimate_internet_rtt, estimate_site_rtt)", user_rtt + site_rtt)
}'
# A stage whose function this build does not have (an older binary, other
# inlining) reads 0 above, and the rows derived from it are wrong: say which.
missing=()
for stage in total parse schema load candidates apply facts latency residency services user_rtt site_rtt test exclusion recommend digests render; do
  [ "${!stage}" != 0 ] || missing+=("$stage")
done
[ ${#missing[@]} -eq 0 ] || echo "
not found in this binary (rows using them are not meaningful): ${missing[*]}"
