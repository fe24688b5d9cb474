#include <edgeplan/render.hpp>

#include <cmath>

namespace edgeplan {

namespace {

using OJson = OrderedJson;  // every object built here keeps insertion order

OJson option_ref(const Evaluation& e) {
  const OJson o = to_ordered(e.option);
  OJson j = {{"id", o["id"]}, {"kind", o["kind"]}, {"name", o["name"]}, {"parent_region", o["parent_region"]},
            {"country", o["country"]}, {"subdivision", o["subdivision"]}};
  if (!o["facility"].is_null()) j["facility"] = o["facility"], j["form_factor"] = o["form_factor"];
  if (!o["carrier"].is_null()) j["carrier"] = o["carrier"];
  return j;
}

OJson finding_json(const Finding& f) {
  OJson j = {{"rule", f.rule}, {"severity", f.severity}, {"message", f.message}, {"measured", to_ordered(f.measured)}, {"required", to_ordered(f.required)}};
  if (!f.unit.empty()) j["unit"] = f.unit;
  if (f.effect == Effect::warn) j["kind"] = f.condition_kind;
  if (f.effect == Effect::adjust) j["points"] = f.points;
  return j;
}

OJson findings_json(const std::vector<const Finding*>& findings) {
  OJson out = OJson::array();
  for (const auto* f : findings) out.push_back(finding_json(*f));
  return out;
}

OJson findings_json(const std::vector<Finding>& findings) {
  OJson out = OJson::array();
  for (const auto& f : findings) out.push_back(finding_json(f));
  return out;
}

OJson ranked_json(const RankedOption& r) {
  const Evaluation& e = *r.evaluation;
  return {{"rank", r.rank},
          {"option", option_ref(e)},
          {"score", e.score},
          {"factors", e.factor_scores},
          {"verdict", to_string(r.verdict)},
          {"conditions", findings_json(r.conditions)},
          {"adjustments", findings_json(e.adjustments)},
          {"rationale", r.rationale},
          {"warnings", findings_json(r.notes)}};
}

OJson excluded_json(const ExcludedOption& x) {
  const Evaluation& e = *x.evaluation;
  return {{"option", option_ref(e)}, {"reasons", findings_json(e.exclusions)}, {"score_if_eligible", e.score}};
}

OJson provenance_json(const Provenance& p) {
  OJson j = {{"edgeplan_version", p.edgeplan_version},
            {"catalog", {{"name", p.catalog_name}, {"version", p.catalog_version}, {"date", p.catalog_date},
                         {"digest", "sha256:" + p.catalog_digest}, {"origin", p.catalog_origin}}},
            {"rules", {{"digest", "sha256:" + p.rules_digest}, {"files", p.rule_files}}}};
  if (!p.measured_latency_digest.empty()) j["measured_latency_digest"] = "sha256:" + p.measured_latency_digest;
  return j;
}

OJson diagnostics_json(const std::vector<Diagnostic>& items) {
  OJson out = OJson::array();
  for (const auto& d : items)
    out.push_back({{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}, {"hint", d.hint}});
  return out;
}

}  // namespace

OrderedJson to_ordered(const nlohmann::json& value) {
  if (value.is_object()) {
    OrderedJson out = OrderedJson::object();
    for (const auto& [key, child] : value.items()) out[key] = to_ordered(child);
    return out;
  }
  if (value.is_array()) {
    OrderedJson out = OrderedJson::array();
    for (const auto& child : value) out.push_back(to_ordered(child));
    return out;
  }
  switch (value.type()) {
    case nlohmann::json::value_t::string: return value.get<std::string>();
    case nlohmann::json::value_t::boolean: return value.get<bool>();
    case nlohmann::json::value_t::number_integer: return value.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned: return value.get<std::uint64_t>();
    case nlohmann::json::value_t::number_float: return value.get<double>();
    default: return nullptr;
  }
}

OrderedJson report_json(const Report& report) {
  OJson ranked = OJson::array(), excluded = OJson::array(), near = OJson::array(), counts = OJson::array();
  for (const auto& r : report.ranked) ranked.push_back(ranked_json(r));
  for (const auto& x : report.excluded) excluded.push_back(excluded_json(x));
  for (const auto& n : report.near_misses) near.push_back({{"option", option_ref(*n.evaluation)}, {"changes", n.relaxation.changes}, {"patch", n.relaxation.patch},
                                  {"distance", std::round(n.relaxation.distance * 1000) / 1000}});
  for (const auto& c : report.exclusion_counts) counts.push_back({{"reason", c.label}, {"count", c.count}});
  return {{"schema_version", kReportSchemaVersion},
          {"workload", report.workload},
          {"workload_file", report.workload_file},
          {"feasible", report.feasible()},
          {"weights", report.weights},
          {"recommendations", ranked},
          {"winner_rationale", report.winner_rationale},
          {"excluded", excluded},
          {"near_misses", near},
          {"summary", {{"text", report.summary}, {"candidates", report.evaluations.size()}, {"eligible", report.ranked.size()},
                       {"excluded", report.excluded.size()}, {"excluded_by", counts}}},
          {"input_warnings", diagnostics_json(report.input_warnings)},
          {"provenance", provenance_json(report.provenance)}};
}

OrderedJson explanation_json(const Report& report, const Evaluation& e) {
  OJson trace = OJson::array();
  for (const auto& t : e.trace) trace.push_back({{"rule", t.rule}, {"effect", t.effect}, {"outcome", t.outcome}, {"detail", t.detail}});
  OJson j = {{"schema_version", kReportSchemaVersion},
            {"workload", report.workload},
            {"option", option_ref(e)},
            {"eligible", !e.excluded()},
            {"score", e.score},
            {"factors", e.factor_scores},
            {"weights", report.weights},
            {"reasons", findings_json(e.exclusions)},
            {"conditions", findings_json(e.warnings)},
            {"adjustments", findings_json(e.adjustments)},
            {"facts", to_ordered(e.facts)},
            {"rules", trace},
            {"provenance", provenance_json(report.provenance)}};
  for (const auto& r : report.ranked)
    if (r.evaluation == &e) j["rank"] = r.rank;
  return j;
}

}  // namespace edgeplan
