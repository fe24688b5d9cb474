#pragma once
// Checks on a workload that JSON Schema cannot express. Findings go to the
// reader's diagnostics, located at the offending field.
#include <edgeplan/catalog.hpp>
#include "load/json_reader.hpp"
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Reads only: run after apply_defaults, so shares and dependency places are complete.
void check_workload(const Workload& workload, const Catalog& catalog, JsonReader& reader);

}  // namespace edgeplan
