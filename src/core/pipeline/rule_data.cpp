#include <edgeplan/rule_data.hpp>

#include <edgeplan/candidates.hpp>
#include <edgeplan/facts.hpp>

namespace edgeplan {

// Mirrors the loop in recommend(): same candidates, same facts context, so a
// rule evaluated over this data sees what it sees during a recommendation.
std::vector<RuleData> rule_data(const LoadedWorkload& loaded, const Engine& engine) {
  const Workload& workload = loaded.workload;
  const std::vector<Candidate> candidates = build_candidates(workload, engine.catalog);
  const FactsContext context{workload, engine.catalog, engine.measured, sizing_policy(workload, engine)};
  const Json workload_data = workload_json(workload);
  std::vector<RuleData> out;
  out.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    out.push_back({candidate.id, Json{{"workload", workload_data},
                                      {"option", option_json(candidate)},
                                      {"facts", derive_facts(candidate, context)}}});
  }
  return out;
}

}  // namespace edgeplan
