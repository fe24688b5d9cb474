// Rule-evaluation core: the default rule set's JsonLogic conditions over
// precomputed facts for every candidate of one workload (the data rules see
// in `recommend`). Prints evaluations per second, through Expression::evaluate
// over the Json (as before DataView existed) and through one DataView per
// candidate with an "item" overlay per for_each element (as CompiledRules::apply).
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

const Json& for_each_items(const Json& data, const Rule& rule) {
  return data["facts"]["latency"][rule.for_each.substr(rule.for_each.rfind('.') + 1)];
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
      for (const auto& item : for_each_items(data, rule)) {
        data["item"] = item;
        truthy += jsonlogic::truthy(rule.condition.evaluate(data));
        ++evaluations;
      }
    }
  }
  return evaluations;
}

std::size_t evaluate_all_in_views(const RuleSet& rules, const std::vector<Json>& contexts, std::size_t& truthy) {
  std::size_t evaluations = 0;
  for (const auto& data : contexts) {
    const jsonlogic::DataView view(data);
    for (const auto& rule : rules.rules) {
      if (rule.for_each.empty()) {
        truthy += rule.condition.test(view);
        ++evaluations;
        continue;
      }
      for (const auto& item : for_each_items(data, rule)) {
        const jsonlogic::DataView item_view(view, "item", item);
        truthy += rule.condition.test(item_view);
        ++evaluations;
      }
    }
  }
  return evaluations;
}

template <typename Pass>
void report(const char* how, const RuleSet& rules, std::size_t candidates, double seconds, Pass&& pass) {
  std::size_t evaluations = 0, truthy = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    evaluations += pass(truthy);
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("%s: %zu rules x %zu candidates; %zu condition evaluations in %.2f s = %.0f evaluations/s (%.0f ns each; %zu true)\n",
              how, rules.rules.size(), candidates, evaluations, elapsed, evaluations / elapsed, elapsed * 1e9 / evaluations, truthy);
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

  report("evaluate(Json)  ", rules, candidates.size(), seconds, [&](std::size_t& truthy) { return evaluate_all(rules, contexts, truthy); });
  report("test(DataView)  ", rules, candidates.size(), seconds,
         [&](std::size_t& truthy) { return evaluate_all_in_views(rules, contexts, truthy); });
  return 0;
}
