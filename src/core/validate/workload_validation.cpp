// load_workload: the load and validate stages for a spec, composed: JSON
// Schema first, then reading into the model, the defaults, and the checks a
// schema cannot express. Load (workload_reader) only reads.
#include <edgeplan/workload_loader.hpp>

#include <optional>
#include <stdexcept>
#include <vector>

#include "util/embedded.hpp"
#include <edgeplan/schema_validation.hpp>

#include "load/workload_reader.hpp"
#include "validate/semantic_validation.hpp"

namespace edgeplan {

namespace {

const SchemaValidator& validator() {
  static const SchemaValidator instance(workload_schema());
  return instance;
}

}  // namespace

const Json& workload_schema() {
  static const Json schema = Json::parse(embedded::file("rules/workload.schema.json"));
  return schema;
}

namespace {

// How a validated document is read into the model: whole, or (a patched copy
// of a spec already read) only where the patch changed it.
struct Reading {
  const Workload* before = nullptr;
  std::optional<std::vector<PatchChange>> changes;
};

// The stages after schema validation, for a document it passed. The document
// is read (and locates every problem) until the end, then kept as the spec.
LoadedWorkload read_validated(JsonDocument&& document, const Catalog& catalog, const Diagnostics& schema_findings, const Reading& reading = {}) {
  LoadedWorkload loaded;
  {
    JsonReader r(document);
    loaded.workload = reading.before && reading.changes ? reread_workload(r, catalog, *reading.before, *reading.changes) : read_workload(r, catalog);
    apply_defaults(loaded.workload);
    validate_semantics(loaded.workload, catalog, r);
    r.throw_if_errors();
    loaded.warnings = schema_findings.warnings();
    for (const auto& w : r.diagnostics().warnings()) loaded.warnings.push_back(w);
  }
  loaded.workload.spec = std::move(document).release_value();
  return loaded;
}

}  // namespace

LoadedWorkload load_workload(JsonDocument document, const Catalog& catalog, SpecWarnings warnings) {
  Diagnostics schema_findings = validator().validate(document, warnings == SpecWarnings::report);
  if (schema_findings.has_errors()) throw InputError(schema_findings.items());
  return read_validated(std::move(document), catalog, schema_findings);
}

LoadedWorkload load_patched_workload(JsonDocument document, const Json& patch, const Workload& before, const Catalog& catalog) {
  Diagnostics schema_findings = validator().validate_patched(document, patch);
  if (schema_findings.has_errors()) throw InputError(schema_findings.items());
  return read_validated(std::move(document), catalog, schema_findings, Reading{&before, patch_changes(patch)});
}

LoadedWorkload load_workload_file(const FileSystem& fs, const std::string& path, const Catalog& catalog) {
  return load_workload(read_json_file(fs, path), catalog);
}

int ValidationRun::invalid() const {
  int n = 0;
  for (const auto& s : specs) n += s.valid() ? 0 : 1;
  return n;
}

ValidationRun validate_specs(const FileSystem& fs, const std::vector<std::string>& paths, const Catalog& catalog) {
  ValidationRun run;
  for (const auto& path : paths) {
    SpecValidation spec{display_name(path), std::nullopt, {}};
    try {
      spec.loaded = load_workload_file(fs, path, catalog);
    } catch (const InputError& e) {
      spec.errors = e.diagnostics();
    }
    run.specs.push_back(std::move(spec));
  }
  return run;
}

}  // namespace edgeplan
