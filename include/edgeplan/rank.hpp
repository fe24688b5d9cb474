#pragma once
// Rank stage: eligible options by score (ties by id, so output never depends
// on evaluation order); excluded options by how close they came.
#include <edgeplan/report.hpp>

namespace edgeplan {

void rank_options(Report& report);

}  // namespace edgeplan
