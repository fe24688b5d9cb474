#pragma once
// Validation JSON Schema cannot express (names that must exist, shares that
// must add up, references between fields). Findings go to the
// reader's diagnostics, located at the offending field.
#include <edgeplan/catalog.hpp>
#include "load/json_reader.hpp"
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Reads only: run after apply_defaults, so shares and dependency places are complete.
void validate_semantics(const Workload& workload, const Catalog& catalog, JsonReader& reader);

}  // namespace edgeplan
