#pragma once
// Load stage for workload specs: reads a JSON document into the model and
// nothing else (no defaults, no checks beyond what reading needs: a metro
// name must resolve to a place). Problems go to the reader's diagnostics.
#include <edgeplan/catalog.hpp>
#include "load/json_reader.hpp"
#include <edgeplan/workload.hpp>

namespace edgeplan {

// Workload::spec, the document itself, is left to the caller (load_workload),
// which moves it there once nothing reads the document any more.
Workload read_workload(JsonReader& reader, const Catalog& catalog);
// read_workload() of a document that is `before`'s with `changes` made (a JSON
// Patch's, patch_changes): only the sections a change can reach are read again,
// the rest is copied from `before`. The same model as read_workload() gives
// (tested), for a fraction of the reading when the change is small and the spec is not.
Workload reread_workload(JsonReader& reader, const Catalog& catalog, const WorkloadModel& before, const std::vector<PatchChange>& changes);

}  // namespace edgeplan
