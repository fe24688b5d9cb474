#pragma once
// Rank stage: eligible options by score (ties by id, so output never depends
// on evaluation order); excluded options by how close they came.
#include <edgeplan/report.hpp>

namespace edgeplan {

// Without `order_excluded`, excluded options stay in catalog order: a decision-
// detail report has only their first exclusion, and nothing reads their order.
void rank_options(Report& report, bool order_excluded = true);

// The cost factor (0-100, cheaper is better), relative among the eligible
// options: the cheapest scores 100, one that costs twice as much 50. An option
// whose cost is unknown is never rewarded for it: it scores as if it cost the
// larger of its known lower bound and the dearest known cost, and gets a verify
// condition naming the prices to supply. With no cost known, nothing is scored.
// Sets factor_scores["cost"] and re-computes the score of every eligible
// evaluation; `estimates` holds one per eligible evaluation, by option id.
void score_cost(Report& report, const std::vector<CostEstimate>& estimates);

}  // namespace edgeplan
