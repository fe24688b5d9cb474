#pragma once
// Relaxations: for an excluded option, the smallest joint change of the
// spec's requirements that makes it eligible. Each exclusion rule may say how
// it would be lifted (its "relax": JSON Patch operations on the spec); the
// changes of every failing rule are applied together and the option is
// evaluated again, so that constraints an earlier exclusion masked show up and
// are added, until the option passes or some reason has no relaxation. Only a
// change verified this way is ever suggested.
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/pipeline.hpp>

namespace edgeplan {

// The verified relaxation for one excluded option, or none when a reason has
// no relaxation or a few rounds of changes do not make it eligible.
std::optional<Relaxation> find_relaxation(const Evaluation& excluded, const LoadedWorkload& workload, const Engine& engine);

// Finds the relaxation of every excluded option, orders the excluded options
// by its distance (those without one last, in their previous order) and keeps
// the closest as the report's near misses. The options are checked on
// engine.threads threads; the report is the same for any number.
void relax_excluded(Report& report, const LoadedWorkload& workload, const Engine& engine);

}  // namespace edgeplan
