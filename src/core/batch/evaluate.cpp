// One batch item: the ordinary recommend() pipeline, then only what the batch
// outputs keep, so a result in the reorder window costs a few hundred bytes
// rather than a whole Report.
#include <edgeplan/batch.hpp>

#include <limits>

#include <edgeplan/json_document.hpp>
#include <edgeplan/util/utf8.hpp>
#include <edgeplan/workload_loader.hpp>

namespace edgeplan {

namespace {

void locate_in_jsonl(std::vector<Diagnostic>& diagnostics, const BatchInput& input) {
  if (input.line > 0) locate_in_jsonl_line(diagnostics, input.file, input.line);
}

JsonDocument document_of(const BatchInput& input, const FileSystem& fs) {
  if (input.line == 0) return read_json_file(fs, input.file);
  return JsonDocument::parse(input.file, input.text);
}

// Outposts facilities may be given as coordinates: name the catalog metro nearest to them.
std::string nearest_metro(const Place& place, const Catalog& catalog) {
  const Metro* best = nullptr;
  double best_km = std::numeric_limits<double>::max();
  for (const auto& metro : catalog.metros) {
    const double km = distance_km(place.point, metro.place.point);
    if (km < best_km) best_km = km, best = &metro;
  }
  return best ? best->name : place.label;
}

BatchOption option_of(const RankedOption& ranked, const Catalog& catalog) {
  const Evaluation& e = *ranked.evaluation;
  const Candidate& c = *e.candidate;
  BatchOption o;
  o.id = c.id;
  o.kind = to_string(c.kind);
  o.region = c.kind == SiteKind::region ? c.id : c.parent_region.value_or("");
  o.metro = c.site ? c.site->metro : nearest_metro(c.place, catalog);
  o.score = e.score;
  o.point = c.place.point;
  if (ranked.cost) {
    const CostEstimate& cost = *ranked.cost;
    o.cost = BatchOption::Cost{cost.monthly, cost.known_total / cost.months, cost.currency, cost.months};
  }
  return o;
}

// metadata.name when the document says it, so an error record can still name its workload.
std::string declared_name(const Json& spec) {
  if (!spec.is_object()) return "";
  const auto metadata = spec.find("metadata");
  if (metadata == spec.end() || !metadata->is_object()) return "";
  const auto name = metadata->find("name");
  return name != metadata->end() && name->is_string() ? name->get<std::string>() : "";
}

// What every record of the run shares: the engine's inputs (the spec's are added per record).
BatchInputs engine_inputs(const Provenance& p) {
  return BatchInputs{{}, {}, p.catalog_digest, p.rules_digest, p.edgeplan_version, p.prices_digest};
}

BatchResult result_of(const BatchInput& input) {
  BatchResult r;
  r.index = input.index;
  r.file = input.file;
  r.line = input.line;
  return r;
}

}  // namespace

// Diagnostics name files in valid UTF-8.
void locate_in_jsonl_line(std::vector<Diagnostic>& diagnostics, const std::string& jsonl_file, int line) {
  const std::string file = util::valid_utf8(jsonl_file);
  for (auto& d : diagnostics) {
    if (d.file != file) continue;
    d.line = line + std::max(d.line, 1) - 1;
    d.column = std::max(d.column, 1);
  }
}

const char* to_string(BatchStatus status) {
  switch (status) {
    case BatchStatus::ok: return "ok";
    case BatchStatus::no_feasible: return "no-feasible";
    case BatchStatus::error: return "error";
  }
  return "?";
}

std::string BatchResult::key() const { return BatchInput{index, file, line, {}}.key(); }

BatchResult summarize_report(const Report& report, const BatchInput& input, const Catalog& catalog) {
  BatchResult r = result_of(input);
  r.workload = report.workload;
  r.status = report.feasible() ? BatchStatus::ok : BatchStatus::no_feasible;
  if (!report.ranked.empty()) r.top = option_of(report.ranked[0], catalog);
  if (report.ranked.size() > 1) r.runner_up = option_of(report.ranked[1], catalog);
  r.eligible = static_cast<int>(report.ranked.size());
  r.candidates = static_cast<int>(report.evaluations.size());
  r.excluded_by = report.exclusion_counts;
  r.warnings = report.input_warnings;
  locate_in_jsonl(r.warnings, input);
  if (report.robustness) {
    // What a record says: the label, its reasons and numbers, the winner's latency.
    r.robustness = *report.robustness;
    r.robustness->weight_bounds.clear();
    r.robustness->latency.resize(std::min<std::size_t>(1, r.robustness->latency.size()));
  }
  r.inputs = engine_inputs(report.provenance);
  r.inputs.spec_digest = report.input.spec_digest;
  r.inputs.sections = report.input.sections;
  return r;
}

BatchResult evaluate_input(const BatchInput& input, const FileSystem& fs, const Engine& engine, bool robustness) {
  std::string name;
  try {
    JsonDocument document = document_of(input, fs);
    name = declared_name(document.value());
    const LoadedWorkload workload = load_workload(std::move(document), engine.catalog);
    return summarize_report(recommend(workload, engine, Detail::decision, robustness), input, engine.catalog);
  } catch (const InputError& e) {
    BatchResult r = result_of(input);
    r.workload = name;
    r.status = BatchStatus::error;
    r.inputs = engine_inputs(provenance_of(engine));
    for (const auto& d : e.diagnostics()) (d.severity == Severity::error ? r.errors : r.warnings).push_back(d);
    locate_in_jsonl(r.errors, input);
    locate_in_jsonl(r.warnings, input);
    return r;
  }
}

}  // namespace edgeplan
