// Reading recorded results back: a `recommend --format json` report or `batch`
// JSONL records, told apart by content, into one shape the diff compares.
// Everything is read through JsonReader, so a file that is neither names the
// FILE:LINE:COL (POINTER) and what was expected there.
#include <edgeplan/placement_diff.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/utf8.hpp>

#include "load/json_reader.hpp"

namespace edgeplan {

namespace {

constexpr const char* kWhatWeRead = "a `recommend --format json` report (an object with \"recommendations\") or a `batch` JSONL record (one with \"status\")";

std::string sha(const std::optional<std::string>& digest) { return digest.value_or(""); }

std::map<std::string, double> numbers_of(JsonReader& r, const std::string& pointer) {
  std::map<std::string, double> out;
  const Json* object = r.find(pointer);
  if (!object || object->is_null()) return out;
  if (!object->is_object()) {
    r.error(pointer, fmt::format("expected object, got {}", describe_json(*object)));
    return out;
  }
  for (const auto& [key, value] : object->items())
    if (auto n = r.number(pointer + "/" + pointer_token(key))) out[key] = *n;
  return out;
}

Json raw(JsonReader& r, const std::string& pointer) {
  const Json* value = r.find(pointer);
  return value ? *value : Json();
}

RecordedOption option_at(JsonReader& r, const std::string& pointer) {
  RecordedOption o;
  o.id = r.string(pointer + "/id", true).value_or("");
  o.kind = r.string(pointer + "/kind").value_or("");
  return o;
}

void read_excluded_by(JsonReader& r, const std::string& pointer, RecordedResult& out) {
  for (const auto& c : r.elements(pointer)) {
    auto label = r.string(c + "/reason", true);
    auto count = r.integer(c + "/count", 0, 1 << 30, true);
    if (label && count) out.excluded_by[*label] = *count;
  }
}

void read_ranked(JsonReader& r, RecordedResult& out) {
  for (const auto& at : r.elements("/recommendations", true)) {
    RecordedOption o = option_at(r, at + "/option");
    o.rank = r.integer(at + "/rank", 1, 1 << 30, true);
    o.score = r.number(at + "/score", true);
    o.verdict = r.string(at + "/verdict").value_or("eligible");
    o.factors = numbers_of(r, at + "/factors");
    out.options.push_back(std::move(o));
  }
}

void read_excluded(JsonReader& r, RecordedResult& out) {
  for (const auto& at : r.elements("/excluded", true)) {
    RecordedOption o = option_at(r, at + "/option");
    o.score = r.number(at + "/score_if_eligible");
    o.verdict = "excluded";
    for (const auto& reason : r.elements(at + "/reasons")) {
      RecordedReason x;
      x.rule = r.string(reason + "/rule", true).value_or("");
      x.message = r.string(reason + "/message").value_or("");
      x.measured = raw(r, reason + "/measured");
      x.required = raw(r, reason + "/required");
      o.reasons.push_back(std::move(x));
    }
    out.options.push_back(std::move(o));
  }
}

RecordedInputs report_inputs(JsonReader& r) {
  RecordedInputs in;
  in.edgeplan_version = r.string("/provenance/edgeplan_version").value_or("");
  in.catalog_digest = sha(r.string("/provenance/catalog/digest"));
  const std::string name = r.string("/provenance/catalog/name").value_or(""), version = r.string("/provenance/catalog/version").value_or("");
  in.catalog_label = version.empty() ? name : name + " " + version;
  in.catalog_origin = r.string("/provenance/catalog/origin").value_or("");
  in.measured_latency_digest = r.string("/provenance/measured_latency_digest").value_or("");
  in.prices_digest = r.string("/provenance/prices/digest").value_or("");
  in.rules_digest = sha(r.string("/provenance/rules/digest"));
  in.rule_files = r.strings("/provenance/rules/files");
  in.spec_digest = sha(r.string("/input/spec_digest"));
  in.spec = raw(r, "/input/spec");
  for (const auto& rule : r.elements("/input/rules")) {
    auto id = r.string(rule + "/id", true), file = r.string(rule + "/file");
    if (id) in.rules[*id] = file.value_or("");
  }
  in.weights = numbers_of(r, "/weights");
  return in;
}

RecordedResult read_report(JsonReader& r) {
  RecordedResult out;
  out.workload = r.string("/workload", true).value_or("");
  out.key = r.string("/workload_file").value_or("");
  read_ranked(r, out);
  read_excluded(r, out);
  out.status = out.options.empty() || !out.options.front().rank ? "no-feasible" : "ok";
  out.eligible = static_cast<int>(std::count_if(out.options.begin(), out.options.end(), [](const RecordedOption& o) { return o.rank.has_value(); }));
  out.candidates = static_cast<int>(out.options.size());
  read_excluded_by(r, "/summary/excluded_by", out);
  out.inputs = report_inputs(r);
  return out;
}

std::optional<RecordedOption> batch_option(JsonReader& r, const std::string& pointer, int rank) {
  const Json* value = r.find(pointer);
  if (!value || value->is_null()) return std::nullopt;
  RecordedOption o = option_at(r, pointer);
  o.rank = rank;
  o.score = r.number(pointer + "/score");
  o.verdict = "eligible";
  return o;
}

RecordedInputs batch_inputs(JsonReader& r) {
  RecordedInputs in;
  in.spec_digest = sha(r.string("/inputs/spec"));
  const Json* sections = r.find("/inputs/sections");
  if (sections && sections->is_object())
    for (const auto& [name, digest] : sections->items())
      if (auto d = r.string("/inputs/sections/" + pointer_token(name))) in.sections[name] = *d;
  in.catalog_digest = sha(r.string("/inputs/catalog"));
  in.rules_digest = sha(r.string("/inputs/rules"));
  in.edgeplan_version = r.string("/inputs/edgeplan").value_or("");
  in.prices_digest = r.string("/inputs/prices").value_or("");
  return in;
}

RecordedResult read_batch_record(JsonReader& r) {
  RecordedResult out;
  BatchResult key;
  key.file = r.string("/file", true).value_or("");
  key.line = r.integer("/line", 0, 1 << 30).value_or(0);
  out.key = key.key();
  out.workload = r.string("/workload").value_or("");
  out.status = r.string("/status", true).value_or("");
  if (!out.status.empty() && out.status != "ok" && out.status != "no-feasible" && out.status != "error")
    r.error("/status", fmt::format("expected \"ok\", \"no-feasible\" or \"error\", got {}", describe_json(*r.find("/status"))));
  if (out.status == "error") {
    const auto errors = r.elements("/errors");
    out.error = errors.empty() ? "error" : r.string(errors.front() + "/message").value_or("error");
  }
  if (auto top = batch_option(r, "/top", 1)) out.options.push_back(std::move(*top));
  if (auto second = batch_option(r, "/runner_up", 2)) out.options.push_back(std::move(*second));
  out.eligible = r.integer("/eligible", 0, 1 << 30).value_or(0);
  out.candidates = r.integer("/candidates", 0, 1 << 30).value_or(0);
  read_excluded_by(r, "/excluded_by", out);
  out.inputs = batch_inputs(r);
  return out;
}

// Which of the two a parsed value is; throws InputError when it is neither.
RecordKind kind_of(const JsonDocument& doc) {
  const Json& v = doc.value();
  if (v.is_object() && v.contains("recommendations")) return RecordKind::report;
  if (v.is_object() && v.contains("status")) return RecordKind::batch;
  throw InputError(doc.diagnose("", fmt::format("expected {}, got {}", kWhatWeRead, v.is_object() ? "an object with neither" : describe_json(v))));
}

RecordedResult read_one(const JsonDocument& doc, RecordKind kind) {
  JsonReader r(doc);
  RecordedResult out = kind == RecordKind::report ? read_report(r) : read_batch_record(r);
  r.throw_if_errors();
  return out;
}


// Whether the first non-blank line is a whole JSON value by itself: then the
// file is JSON Lines (a batch run, or a report printed on one line).
bool is_json_lines(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return Json::accept(line);
    start = end + 1;
  }
  return true;  // empty: a batch run of nothing
}

RecordedRun read_lines(const std::string& name, std::string_view text) {
  RecordedRun run{RecordKind::batch, name, {}};
  std::size_t start = 0;
  int line = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view content = text.substr(start, end - start);
    ++line;
    start = end + 1;
    if (content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      const JsonDocument doc = JsonDocument::parse(name, content);
      const RecordKind kind = kind_of(doc);
      if (!run.results.empty() && (kind != run.kind || kind == RecordKind::report))
        throw InputError(doc.diagnose("", run.kind == RecordKind::report ? "expected one report per file, got a second value"
                                                                         : "expected a batch record, as on the lines before, got a report"));
      run.kind = kind;
      run.results.push_back(read_one(doc, kind));
    } catch (const InputError& e) {
      std::vector<Diagnostic> located = e.diagnostics();
      locate_in_jsonl_line(located, name, line);
      throw InputError(std::move(located));
    }
  }
  return run;
}

}  // namespace

const char* to_string(RecordKind kind) { return kind == RecordKind::report ? "recommend report" : "batch records"; }

const RecordedOption* RecordedResult::winner() const {
  return !options.empty() && options.front().rank == 1 ? &options.front() : nullptr;
}

const RecordedOption* RecordedResult::find(const std::string& id) const {
  auto it = std::find_if(options.begin(), options.end(), [&](const RecordedOption& o) { return o.id == id; });
  return it == options.end() ? nullptr : &*it;
}

RecordedRun read_recorded(const std::string& name, std::string_view text) {
  if (is_json_lines(text)) return read_lines(name, text);
  const JsonDocument doc = JsonDocument::parse(name, text);
  const RecordKind kind = kind_of(doc);
  return RecordedRun{kind, name, {read_one(doc, kind)}};
}

RecordedRun read_recorded_file(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  const std::string name = display_name(path);
  if (!text) throw InputError(Diagnostic{Severity::error, util::valid_utf8(name), 0, 0, "", "cannot read file (" + fs.why_unreadable(path) + ")", {}});
  return read_recorded(name, *text);
}

RecordedResult recorded_of(const BatchResult& b) {
  RecordedResult out;
  out.key = b.key();
  out.workload = b.workload;
  out.status = to_string(b.status);
  if (!b.errors.empty()) out.error = b.errors.front().message;
  int rank = 1;
  for (const auto* option : {&b.top, &b.runner_up}) {
    if (!*option) continue;
    out.options.push_back(RecordedOption{(*option)->id, (*option)->kind, rank++, (*option)->score, "eligible", {}, {}});
  }
  out.eligible = b.eligible;
  out.candidates = b.candidates;
  for (const auto& c : b.excluded_by) out.excluded_by[c.label] = c.count;
  const BatchInputs& in = b.inputs;
  out.inputs.spec_digest = in.spec_digest.empty() ? "" : "sha256:" + in.spec_digest;
  for (const auto& [section, digest] : in.sections) out.inputs.sections[section] = digest;
  // As the JSONL record prints them, so a run compares equal to its own records.
  out.inputs.catalog_digest = "sha256:" + util::short_digest(in.catalog_digest);
  out.inputs.rules_digest = "sha256:" + util::short_digest(in.rules_digest);
  out.inputs.edgeplan_version = in.edgeplan_version;
  return out;
}

}  // namespace edgeplan
