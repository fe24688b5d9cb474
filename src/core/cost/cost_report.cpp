#include <edgeplan/cost_report.hpp>

#include <edgeplan/facts.hpp>

namespace edgeplan {

CostReport cost_report(const LoadedWorkload& loaded, const Engine& engine) {
  const Report report = recommend(loaded, engine, Detail::decision);
  CostReport out;
  out.workload = report.workload;
  out.workload_file = report.workload_file;
  out.months = cost_months(loaded.workload);
  out.months_from_spec = loaded.workload.compute.horizon_years > 0;
  out.priced = engine.prices != nullptr;
  out.summary = report.summary;
  out.provenance = report.provenance;
  // Without prices the ranking has no cost in it; each option is still costed
  // against no prices, which lists every price it needs.
  const Prices none;
  const FactsContext context = facts_context(loaded.workload, engine);
  for (const auto& r : report.ranked) {
    const Evaluation& e = *r.evaluation;
    out.options.push_back({r.rank, e.candidate->id, to_string(e.candidate->kind), e.score,
                           r.cost ? *r.cost : estimate_cost(*e.candidate, context, none)});
  }
  return out;
}

}  // namespace edgeplan
