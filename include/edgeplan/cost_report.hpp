#pragma once
// `edgeplan cost`: the cost breakdown of every eligible option, in rank order,
// over the same period (cost.hpp has the method).
#include <string>
#include <vector>

#include <edgeplan/cost.hpp>
#include <edgeplan/pipeline.hpp>

namespace edgeplan {

struct OptionCost {
  int rank = 0;
  std::string option_id;
  std::string kind;    // "local-zone", …
  double score = 0;    // the option's score in the ranking
  CostEstimate estimate;
};

struct CostReport {
  std::string workload;
  std::string workload_file;
  int months = kDefaultCostMonths;
  bool months_from_spec = false;  // the spec states a horizon; else the default 36 months
  bool priced = false;  // a price file was given; without one every cost is unknown and says what to supply
  std::vector<OptionCost> options;  // the eligible options, in rank order
  std::string summary;              // the recommendation's summary ("3 of 118 candidates eligible: …")
  Provenance provenance;
};

// Ranks the workload as `recommend` does (with the engine's prices, cost is one
// of the factors) and costs every eligible option.
CostReport cost_report(const LoadedWorkload& workload, const Engine& engine);

}  // namespace edgeplan
