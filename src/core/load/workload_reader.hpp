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

}  // namespace edgeplan
