// Rule-evaluation core: the default rule set's JsonLogic conditions over
// precomputed facts for every candidate of one workload (the data rules see
// in `recommend`). Prints evaluations per second.
//
// Usage: bench_rules [workload.json] [seconds]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <edgeplan/candidates.hpp>
#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/workload_loader.hpp>

namespace {

using namespace edgeplan;
using Clock = std::chrono::steady_clock;

// One evaluation context per (candidate, for_each item): what a condition reads.
std::vector<Json> build_contexts(const Workload& w, const Catalog& catalog, const std::vector<Candidate>& candidates) {
  std::vector<Json> out;
  const FactsContext ctx{w, catalog, nullptr};
  const Json workload = workload_json(w);
  for (const auto& c : candidates)
    out.push_back({{"workload", workload}, {"option", option_json(c)}, {"facts", derive_facts(c, ctx)}});
  return out;
}

std::size_t evaluate_all(const RuleSet& rules, std::vector<Json>& contexts, std::size_t& truthy) {
  std::size_t evaluations = 0;
  for (auto& data : contexts) {
    for (const auto& rule : rules.rules) {
      if (rule.for_each.empty()) {
        truthy += jsonlogic::truthy(rule.condition.evaluate(data));
        ++evaluations;
        continue;
      }
      const Json& items = data["facts"]["latency"][rule.for_each.substr(rule.for_each.rfind('.') + 1)];
      for (const auto& item : items) {
        data["item"] = item;
        truthy += jsonlogic::truthy(rule.condition.evaluate(data));
        ++evaluations;
      }
    }
  }
  return evaluations;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string spec = argc > 1 ? argv[1] : "examples/live-streaming-denver/workload.json";
  const double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  RealFileSystem fs;
  Catalog catalog = load_default_catalog();
  RuleSet rules = load_default_rules();
  LoadedWorkload loaded = load_workload_file(fs, spec, catalog);
  std::vector<Candidate> candidates = build_candidates(loaded.workload, catalog);
  std::vector<Json> contexts = build_contexts(loaded.workload, catalog, candidates);

  std::size_t evaluations = 0, truthy = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    evaluations += evaluate_all(rules, contexts, truthy);
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("default rules: %zu rules x %zu candidates; %zu condition evaluations in %.2f s = %.0f evaluations/s (%.0f ns each; %zu true)\n",
              rules.rules.size(), candidates.size(), evaluations, elapsed, evaluations / elapsed, elapsed * 1e9 / evaluations, truthy);
  return 0;
}
