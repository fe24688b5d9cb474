#pragma once
// The whole data flow for one workload:
//   load → validate → candidates → facts → rules → rank → explain → Report
// The CLI, the tests and the benchmarks all call this; it never touches
// argv, the environment, stdout or exit codes.
#include <string>

#include <edgeplan/catalog.hpp>
#include <edgeplan/latency_model.hpp>
#include <edgeplan/report.hpp>
#include <edgeplan/rules.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan {

struct Engine {
  const Catalog& catalog;
  const RuleSet& rules;
  const MeasuredLatency* measured = nullptr;
};

Report recommend(const LoadedWorkload& workload, const Engine& engine);

const char* edgeplan_version();

}  // namespace edgeplan
