#pragma once
// Rank stage: eligible options by score (ties by id, so output never depends
// on evaluation order); excluded options by how close they came.
#include <edgeplan/report.hpp>

namespace edgeplan {

// Without `order_excluded`, excluded options stay in catalog order: a decision-
// detail report has only their first exclusion, and nothing reads their order.
void rank_options(Report& report, bool order_excluded = true);

}  // namespace edgeplan
