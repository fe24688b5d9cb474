#pragma once
// Explain stage: turns ranked and excluded evaluations into the words a
// reviewer reads — why the winner wins and by how much, each option's verdict
// and conditions, and the one-line summary.
#include <edgeplan/report.hpp>

namespace edgeplan {

void explain(Report& report);

// Only the exclusion counts and the one-line summary ("3 of 118 candidates
// eligible: 61 residency, …"): all a decision-detail report gets.
void count_exclusions(Report& report);

// The words of the requirement changes that lift every exclusion of
// `exclusions` (one per rule: the binding one for numeric rules); empty if
// some reason has none. Whether they suffice is for relax.hpp to verify.
std::vector<std::string> changes_to_qualify(const std::vector<const Finding*>& exclusions);

}  // namespace edgeplan
