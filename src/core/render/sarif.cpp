// SARIF 2.1.0 for `check` (GitHub code scanning and other SARIF viewers):
// one rule per loaded rule, one result per finding, input errors as results
// and tool notifications.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/util/digest.hpp>

#include "render/json_parts.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::sarif {

namespace {

// error → error, warning → warning, info → note (SARIF levels).
const char* sarif_level(const std::string& severity) {
  if (severity == "error") return "error";
  if (severity == "warning") return "warning";
  return "note";
}

// Every URI is relative to %SRCROOT% (relative_path), so GitHub places the
// alert on the file in the PR; characters outside the URI unreserved set are
// percent-encoded.
std::string to_uri(const std::string& path) {
  std::string out;
  for (unsigned char c : relative_path(path)) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

// %SRCROOT% has no URI on purpose: an absolute path would differ per machine;
// consumers (GitHub code scanning) resolve it to the checkout.
OrderedJson src_root() {
  return {{"%SRCROOT%", {{"description", {{"text", "The directory edgeplan ran in (the repository root in CI)"}}}}}};
}

OrderedJson physical_location(const std::string& file, int line, int column) {
  OrderedJson location = {{"artifactLocation", {{"uri", to_uri(file)}, {"uriBaseId", "%SRCROOT%"}}}};
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
  // Stable across runs while the same rule fires on the same option of the same
  // spec for the same user group or dependency; unique per finding, so two
  // cities' findings of one rule never merge into one alert.
  r["partialFingerprints"] = {{"edgeplanFinding/v2", finding_fingerprint(s, f)}};
  if (f.waiver)
    r["suppressions"] = OrderedJson::array({{{"kind", "inSource"}, {"status", "accepted"}, {"justification", waiver_text(*f.waiver)},
                                             {"location", {{"physicalLocation", physical_location(s.file, f.waiver->line, 1)}}}}});
  r["properties"] = {{"option", f.option}, {"item", f.item}, {"blocking", f.blocking}, {"measured", to_ordered(f.measured)},
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

std::string check(const CheckRun& run, const RenderOptions&) {
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
                                       {"originalUriBaseIds", src_root()},
                                       {"invocations", OrderedJson::array({invocation})},
                                       {"results", results},
                                       {"properties", {{"provenance", check_provenance_json(run.provenance)}}}}});
  return dump_json(sarif, 2) + "\n";
}

}  // namespace edgeplan::render_detail::sarif
