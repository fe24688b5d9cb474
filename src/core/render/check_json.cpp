// `edgeplan check --format json` (schema_version kCheckSchemaVersion) and SARIF 2.1.0.
#include <edgeplan/check_render.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/render.hpp>
#include <edgeplan/util/digest.hpp>

#include "render/check_common.hpp"

namespace edgeplan::check_detail {

namespace {

OrderedJson optional_number(const std::optional<double>& value) { return value ? OrderedJson(*value) : OrderedJson(nullptr); }

OrderedJson waiver_json(const AppliedWaiver& w) {
  return {{"reason", w.reason}, {"owner", w.owner}, {"expires", w.expires}, {"ticket", w.ticket}, {"pointer", w.pointer}};
}

OrderedJson finding_json(const CheckFinding& f) {
  OrderedJson j;
  j["rule"] = f.rule;
  j["severity"] = f.severity;
  j["blocking"] = f.blocking;
  j["message"] = f.message;
  j["option"] = f.option;
  j["measured"] = to_ordered(f.measured);
  j["required"] = to_ordered(f.required);
  j["unit"] = f.unit;
  j["location"] = {{"pointer", f.pointer}, {"line", f.line}, {"column", f.column}};
  j["waiver"] = f.waiver ? waiver_json(*f.waiver) : OrderedJson(nullptr);
  return j;
}

OrderedJson diagnostic_json(const Diagnostic& d) {
  return {{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}, {"hint", d.hint}};
}

const char* spec_result(const SpecCheck& s) { return s.errored() ? "error" : s.passed() ? "pass" : "fail"; }

OrderedJson spec_json(const SpecCheck& s) {
  OrderedJson j;
  j["file"] = s.file;
  j["workload"] = s.workload;
  j["result"] = spec_result(s);
  j["proposed"] = s.proposed ? OrderedJson{{"option", *s.proposed}, {"kind", s.proposed_kind}, {"rank", s.proposed_rank ? OrderedJson(*s.proposed_rank) : OrderedJson(nullptr)}, {"score", optional_number(s.proposed_score)}}
                             : OrderedJson(nullptr);
  j["top"] = s.top_option.empty() ? OrderedJson(nullptr) : OrderedJson{{"option", s.top_option}, {"score", optional_number(s.top_score)}};
  j["eligible"] = s.eligible;
  j["candidates"] = s.candidates;
  j["findings"] = OrderedJson::array();
  for (const auto& f : s.findings) j["findings"].push_back(finding_json(f));
  j["cases"] = OrderedJson::array();
  for (const auto& c : s.cases) j["cases"].push_back({{"rule", c.rule}, {"status", to_string(c.status)}, {"detail", c.detail}});
  j["errors"] = OrderedJson::array();
  for (const auto& e : s.errors) j["errors"].push_back(diagnostic_json(e));
  j["warnings"] = OrderedJson::array();
  for (const auto& w : s.warnings) j["warnings"].push_back(diagnostic_json(w));
  return j;
}

OrderedJson rule_json(const CheckRule& r) {
  return {{"id", r.id}, {"severity", r.severity}, {"effect", r.effect}, {"factor", r.factor}, {"waivable", r.waivable}, {"source", r.source},
          {"description", r.description}, {"help", r.help}};
}

OrderedJson provenance_json(const Provenance& p) {
  return {{"edgeplan_version", p.edgeplan_version},
          {"catalog", {{"name", p.catalog_name}, {"version", p.catalog_version}, {"date", p.catalog_date}, {"digest", "sha256:" + p.catalog_digest}}},
          {"rules", {{"digest", "sha256:" + p.rules_digest}, {"files", p.rule_files}}}};
}

// ---- SARIF ----

// Relative paths stay relative (GitHub resolves them against the repository);
// characters outside the URI unreserved set are percent-encoded.
std::string to_uri(const std::string& path) {
  std::string p = path;
  while (p.rfind("./", 0) == 0) p = p.substr(2);
  std::string out = p.rfind('/', 0) == 0 ? "file://" : "";
  for (unsigned char c : p) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

OrderedJson physical_location(const std::string& file, int line, int column) {
  OrderedJson location = {{"artifactLocation", {{"uri", to_uri(file)}}}};
  if (line > 0) location["region"] = {{"startLine", line}, {"startColumn", std::max(column, 1)}};
  return location;
}

OrderedJson sarif_rule(const CheckRule& r) {
  OrderedJson tags = OrderedJson::array({"edgeplan"});
  if (!r.factor.empty()) tags.push_back(r.factor);
  return {{"id", r.id},
          {"shortDescription", {{"text", r.description}}},
          {"fullDescription", {{"text", r.description}}},
          {"help", {{"text", r.help}}},
          {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
          {"properties", {{"effect", r.effect}, {"factor", r.factor}, {"source", r.source}, {"waivable", r.waivable}, {"tags", tags}}}};
}

int rule_index(const CheckRun& run, const std::string& id) {
  for (std::size_t i = 0; i < run.rules.size(); ++i)
    if (run.rules[i].id == id) return static_cast<int>(i);
  return -1;
}

OrderedJson sarif_result(const CheckRun& run, const SpecCheck& s, const CheckFinding& f) {
  OrderedJson r;
  r["ruleId"] = f.rule;
  if (int index = rule_index(run, f.rule); index >= 0) r["ruleIndex"] = index;
  r["level"] = sarif_level(f.severity);
  r["message"] = {{"text", f.message}};
  r["locations"] = OrderedJson::array({{{"physicalLocation", physical_location(s.file, f.line, f.column)}}});
  // Stable across runs while the same rule fires on the same option of the same spec.
  r["partialFingerprints"] = {{"edgeplanFinding/v1", util::sha256_hex(s.file + "\n" + f.rule + "\n" + f.option).substr(0, 32)}};
  if (f.waiver)
    r["suppressions"] = OrderedJson::array({{{"kind", "inSource"}, {"status", "accepted"}, {"justification", waiver_text(*f.waiver)},
                                             {"location", {{"physicalLocation", physical_location(s.file, f.waiver->line, 1)}}}}});
  r["properties"] = {{"option", f.option}, {"blocking", f.blocking}, {"measured", to_ordered(f.measured)},
                     {"required", to_ordered(f.required)}, {"unit", f.unit}, {"pointer", f.pointer}};
  return r;
}

OrderedJson error_result(const CheckRun& run, const SpecCheck& s, const Diagnostic& d) {
  OrderedJson r;
  r["ruleId"] = builtin_rules::input_error;
  r["ruleIndex"] = rule_index(run, builtin_rules::input_error);
  r["level"] = "error";
  r["message"] = {{"text", d.message + (d.hint.empty() ? "" : " (" + d.hint + ")")}};
  r["locations"] = OrderedJson::array({{{"physicalLocation", physical_location(d.file.empty() ? s.file : d.file, d.line, d.column)}}});
  return r;
}

OrderedJson error_notification(const SpecCheck& s, const Diagnostic& d) {
  return {{"level", "error"},
          {"message", {{"text", format_diagnostic(d)}}},
          {"locations", OrderedJson::array({{{"physicalLocation", physical_location(d.file.empty() ? s.file : d.file, d.line, d.column)}}})}};
}

}  // namespace

std::string render_json(const CheckRun& run) {
  OrderedJson j;
  j["schema_version"] = kCheckSchemaVersion;
  j["result"] = run.errored() ? "error" : run.failed() ? "fail" : "pass";
  j["exit_code"] = check_exit_code(run);
  j["options"] = {{"fail_on", run.options.fail_on}, {"require_top", run.options.require_top},
                  {"max_score_gap", optional_number(run.options.max_score_gap)}, {"waivers", run.options.use_waivers}, {"today", run.options.today}};
  j["summary"] = {{"specs", run.specs.size()}, {"passed", run.passed()}, {"failed", run.failed()}, {"errors", run.errored()},
                  {"findings", {{"error", run.count("error", false)}, {"warning", run.count("warning", false)}, {"info", run.count("info", false)},
                                {"waived", run.count("error", true) + run.count("warning", true) + run.count("info", true)}}}};
  j["specs"] = OrderedJson::array();
  for (const auto& s : run.specs) j["specs"].push_back(spec_json(s));
  j["rules"] = OrderedJson::array();
  for (const auto& r : run.rules) j["rules"].push_back(rule_json(r));
  j["provenance"] = provenance_json(run.provenance);
  return j.dump(2) + "\n";
}

std::string render_sarif(const CheckRun& run) {
  OrderedJson driver = {{"name", "edgeplan"}, {"version", run.provenance.edgeplan_version}, {"semanticVersion", run.provenance.edgeplan_version}};
  driver["rules"] = OrderedJson::array();
  for (const auto& r : run.rules) driver["rules"].push_back(sarif_rule(r));
  OrderedJson results = OrderedJson::array();
  OrderedJson notifications = OrderedJson::array();
  for (const auto& s : run.specs) {
    for (const auto& e : s.errors) results.push_back(error_result(run, s, e)), notifications.push_back(error_notification(s, e));
    for (const auto& f : s.findings) results.push_back(sarif_result(run, s, f));
  }
  OrderedJson invocation = {{"executionSuccessful", run.errored() == 0}, {"exitCode", check_exit_code(run)}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;
  OrderedJson sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = OrderedJson::array({{{"tool", {{"driver", driver}}},
                                       {"invocations", OrderedJson::array({invocation})},
                                       {"results", results},
                                       {"properties", {{"provenance", provenance_json(run.provenance)}}}}});
  return sarif.dump(2) + "\n";
}

}  // namespace edgeplan::check_detail
