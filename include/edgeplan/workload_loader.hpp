#pragma once
// Load and validate stages for workload specs, composed (validate layer): JSON
// Schema first (types, ranges, required fields, unknown-field warnings), then
// reading into the model (load/workload_reader), the defaults (apply_defaults),
// then the checks a schema cannot express (known metros and services, shares
// summing to 1, references).
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/catalog.hpp>
#include <edgeplan/diagnostics.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/workload.hpp>

namespace edgeplan {

struct LoadedWorkload {
  Workload workload;
  std::vector<Diagnostic> warnings;  // unknown fields and other non-fatal notes
};

// What loading reports besides errors. A relaxed copy of a spec already loaded
// (relax.cpp, dozens per recommendation) needs only its errors: the warnings
// were the original's, and looking for unknown fields costs as much as the
// schema check itself.
enum class SpecWarnings { report, skip_unknown_fields };

// Throws InputError carrying every error found in the document. The loaded
// workload keeps the document's value (Workload::spec): taken by value, so a
// caller done with its document moves it in rather than having it copied.
LoadedWorkload load_workload(JsonDocument document, const Catalog& catalog, SpecWarnings warnings = SpecWarnings::report);
// load_workload() for `document`, which is the spec `before` (as it loaded) with
// `patch` (JSON Patch operations) applied, as each relaxation round builds one:
// schema validation looks only where the patch changed it when that gives the
// same verdict (SchemaValidator::validate_patched), only the sections of the
// spec the patch reaches are read again (the rest of the model is `before`'s),
// and warnings are not looked for. The same workload as load_workload() gives (tested).
LoadedWorkload load_patched_workload(JsonDocument document, const Json& patch, const Workload& before, const Catalog& catalog);
LoadedWorkload load_workload_file(const FileSystem& fs, const std::string& path, const Catalog& catalog);

// `edgeplan validate`: each spec's verdict, without evaluating it.
struct SpecValidation {
  std::string file;
  std::optional<LoadedWorkload> loaded;  // set: valid
  std::vector<Diagnostic> errors;        // why it is not
  bool valid() const { return loaded.has_value(); }
};
struct ValidationRun {
  std::vector<SpecValidation> specs;
  int invalid() const;
};
// Every spec is validated, whatever the ones before it held.
ValidationRun validate_specs(const FileSystem& fs, const std::vector<std::string>& paths, const Catalog& catalog);

// The embedded JSON Schema (rules/workload.schema.json).
const Json& workload_schema();

}  // namespace edgeplan
