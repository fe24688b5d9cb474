// The cost factor: relative among eligible options (rank.hpp, score_cost).
#include <edgeplan/rank.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

const CostEstimate* estimate_of(const std::vector<CostEstimate>& estimates, const std::string& id) {
  for (const auto& e : estimates)
    if (e.option_id == id) return &e;
  return nullptr;
}

// What the unknown cost is to verify, as a condition: it counts in the ranking.
Finding unknown_cost_condition(const CostEstimate& estimate) {
  Finding f;
  f.rule = "cost.unknown";
  f.effect = Effect::warn;
  f.severity = "warning";
  f.factor = "cost";
  f.condition_kind = "verify";
  f.message = fmt::format("the cost of {} is {}; supply {}", estimate.option_id, cost_summary(estimate), util::join_list(estimate.missing, "; "));
  f.summary = "cost unknown";
  f.rule_file = "(built in: the cost factor)";
  f.waivable = false;
  return f;
}

}  // namespace

void score_cost(Report& report, const std::vector<CostEstimate>& estimates) {
  double cheapest = INFINITY, dearest = 0;
  for (const auto& e : estimates)
    if (e.total) cheapest = std::min(cheapest, *e.total), dearest = std::max(dearest, *e.total);
  const bool any_known = std::isfinite(cheapest);
  for (auto& ev : report.evaluations) {
    if (ev.excluded()) continue;
    const CostEstimate* estimate = estimate_of(estimates, ev.candidate->id);
    if (!estimate) continue;
    if (!estimate->known()) ev.warnings.push_back(unknown_cost_condition(*estimate));
    // Nothing known: no option can be compared, the factor stays neutral (100 for all).
    double score = 100;
    if (any_known) {
      const double counted = estimate->total ? *estimate->total : std::max(estimate->known_total, dearest);
      score = counted > 0 ? 100 * cheapest / counted : 100;
    }
    ev.factor_scores["cost"] = reported_score(score);
    ev.score = reported_score(unclamped_score(ev, report.weights));
  }
}

}  // namespace edgeplan
