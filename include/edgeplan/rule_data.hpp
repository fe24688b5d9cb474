#pragma once
// The data every rule condition reads, one object per candidate option:
//   {"workload": …, "option": …, "facts": …}
// exactly as `recommend` hands it to the rules (for_each rules add "item").
// `edgeplan facts` prints it; tests and the evaluator benchmark read it.
#include <string>
#include <vector>

#include <edgeplan/pipeline.hpp>

namespace edgeplan {

struct RuleData {
  std::string option_id;
  Json data;
};

// Every candidate of the workload, in catalog order (the order `recommend` evaluates them).
std::vector<RuleData> rule_data(const LoadedWorkload& workload, const Engine& engine);

}  // namespace edgeplan
