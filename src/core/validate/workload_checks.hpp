#pragma once
// Checks on a workload that JSON Schema cannot express. Findings go to the
// reader's diagnostics, located at the offending field.
#include <edgeplan/catalog.hpp>
#include <edgeplan/json_reader.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Also completes the workload: equal shares when none are given, and the
// location of dependencies that name a facility.
void check_workload(Workload& workload, const Catalog& catalog, JsonReader& reader);

}  // namespace edgeplan
