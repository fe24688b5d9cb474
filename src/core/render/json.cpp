// JSON: the versioned contracts (schema_version first, keys in documented
// order) of every result `--format json` prints.
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>

#include "render/json_parts.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan {

namespace {

using OJson = OrderedJson;  // every object built here keeps insertion order

// A figure the input may leave out: null in JSON when it did.
template <typename Number>
OJson optional_json(const std::optional<Number>& value) {
  return value ? OJson(*value) : OJson(nullptr);
}

// ---------------------------------------------------------------- recommendations

// Records are built member by member rather than from initializer lists (each
// member a two-element array first): a report names every option, and lists
// every finding, of a hundred options or more. Members keep their order.
OJson option_ref(const Evaluation& e) {
  // Only the members named, converted one by one (not the whole option).
  const auto member = [&](const char* key) {
    const auto it = e.option.find(key);
    return it == e.option.end() ? OJson(nullptr) : to_ordered(*it);
  };
  OJson j = OJson::object();
  for (const char* key : {"id", "kind", "name", "parent_region", "country", "subdivision"}) j[key] = member(key);
  if (OJson facility = member("facility"); !facility.is_null()) j["facility"] = std::move(facility), j["form_factor"] = member("form_factor");
  if (OJson carrier = member("carrier"); !carrier.is_null()) j["carrier"] = std::move(carrier);
  return j;
}

OJson finding_json(const Finding& f) {
  OJson j = OJson::object();
  j["rule"] = f.rule;
  j["severity"] = f.severity;
  j["message"] = f.message;
  j["measured"] = to_ordered(f.measured);
  j["required"] = to_ordered(f.required);
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

// ---------------------------------------------------------------- how sure the winner is


OJson latency_outlook_json(const LatencyOutlook& o) {
  OJson checks = OJson::array();
  for (const auto& c : o.checks)
    checks.push_back({{"name", c.name}, {"kind", c.dependency ? "dependency" : "users"}, {"source", c.measured ? "measured" : "model"},
                      {"required_ms", c.required_ms}, {"optimistic_ms", c.low_ms}, {"typical_ms", c.typical_ms}, {"pessimistic_ms", c.high_ms},
                      {"probability", render_detail::rounded(c.probability, 4)}});
  const LatencyCheck* binding = o.binding();
  return {{"band", to_string(o.band)}, {"probability", render_detail::rounded(o.probability, 4)},
          {"binding", binding ? OJson(binding->name) : OJson(nullptr)}, {"checks", checks}};
}

OJson bound_side_json(const std::optional<double>& value, const std::string& rival, bool inclusive) {
  if (!value) return nullptr;
  return {{"weight", render_detail::rounded(*value, 3)}, {"rival", rival}, {"rival_wins_at_bound", inclusive}};
}

OJson weight_bound_json(const WeightBound& b) {
  return {{"factor", b.factor}, {"weight", b.weight}, {"low", bound_side_json(b.low, b.low_rival, b.low_inclusive)},
          {"high", bound_side_json(b.high, b.high_rival, b.high_inclusive)}, {"reachable", b.reachable}};
}

OJson robustness_json(const Robustness& r) {
  OJson margin = nullptr;
  if (r.margin) {
    OJson shares = OJson::array();
    for (const auto& f : r.margin_by_factor)
      shares.push_back({{"factor", f.factor}, {"winner", f.score_a}, {"runner_up", f.score_b}, {"points", render_detail::rounded(f.points, 3)}});
    margin = {{"points", render_detail::rounded(*r.margin, 3)}, {"runner_up", r.runner_up}, {"by_factor", shares}, {"adjustments", render_detail::rounded(r.margin_adjustments, 3)}};
  }
  OJson bounds = OJson::array(), verify = OJson::array();
  for (const auto& b : r.weight_bounds) bounds.push_back(weight_bound_json(b));
  for (const Finding& f : r.verify) verify.push_back(f.rule);
  OJson shift = nullptr;
  if (r.nearest_shift) {
    OJson moves = OJson::array();
    for (const auto& m : r.nearest_shift->moves) moves.push_back({{"factor", m.factor}, {"from", m.from}, {"to", render_detail::rounded(m.to, 3)}});
    shift = {{"l1", render_detail::rounded(r.nearest_shift->l1, 3)}, {"share", render_detail::rounded(r.nearest_shift->share, 4)}, {"rival", r.nearest_shift->rival}, {"moves", moves}};
  }
  namespace c = confidence;
  return {{"confidence", to_string(r.label)},
          {"reasons", r.reasons},
          {"summary", render_detail::confidence_line(r)},
          {"equivalent", r.equivalent},
          {"margin", margin},
          {"leads_only_by_rounding", r.leads_only_by_rounding},
          {"clamped", r.clamped},
          {"weights", bounds},
          {"smallest_change", r.smallest_change ? weight_bound_json(*r.smallest_change) : OJson(nullptr)},
          {"nearest_shift", shift},
          {"verify_conditions", {{"count", r.verify.size()}, {"rules", verify}}},
          {"thresholds", {{"fragile", {{"margin_points", c::kFragileMargin}, {"weight_share", c::kFragileWeightShare}, {"latency_probability", c::kFragileLatency}}},
                          {"sensitive", {{"margin_points", c::kSensitiveMargin}, {"weight_share", c::kSensitiveWeightShare},
                                         {"latency", "a budget missed at the pessimistic estimate"}, {"verify_conditions", 1}}}}}};
}

OJson money(const std::optional<double>& amount) { return amount ? OJson(render_detail::rounded(*amount, 2)) : OJson(nullptr); }

OJson cost_line_json(const CostLine& l) {
  return {{"category", l.category}, {"what", l.what},         {"monthly_now", money(l.monthly_now)}, {"monthly_horizon", money(l.monthly_horizon)},
          {"upfront", money(l.upfront)}, {"total", money(l.total)}, {"source", l.source.empty() ? OJson(nullptr) : OJson(l.source)},
          {"missing", l.missing.empty() ? OJson(nullptr) : OJson(l.missing)}};
}

OJson cost_json(const CostEstimate& c) {
  OJson lines = OJson::array();
  for (const auto& l : c.lines) lines.push_back(cost_line_json(l));
  return {{"currency", c.currency.empty() ? OJson(nullptr) : OJson(c.currency)},
          {"months", c.months},
          {"known", c.known()},
          {"monthly", money(c.monthly)},
          {"total", money(c.total)},
          {"known_total", money(c.known_total)},
          {"term", c.term.empty() ? OJson(nullptr) : OJson(c.term)},
          {"summary", cost_summary(c)},
          {"lines", lines},
          {"missing", c.missing},
          {"notes", c.notes}};
}

OJson ranked_json(const RankedOption& r, const LatencyOutlook* outlook) {
  const Evaluation& e = *r.evaluation;
  OJson j = {{"rank", r.rank},
          {"option", option_ref(e)},
          {"score", e.score},
          {"factors", e.factor_scores},
          {"verdict", to_string(r.verdict)},
          {"conditions", findings_json(r.conditions)},
          {"adjustments", findings_json(e.adjustments)},
          {"rationale", r.rationale},
          {"warnings", findings_json(r.notes)},
          {"latency_outlook", outlook ? latency_outlook_json(*outlook) : OJson(nullptr)}};
  if (r.cost) j["cost"] = cost_json(*r.cost);  // with prices only: reports without them are unchanged
  return j;
}

OJson passed_over_json(const std::vector<FallbackPlan::PassedOver>& list) {
  OJson out = OJson::array();
  for (const auto& p : list) out.push_back({{"option", p.option}, {"why", p.why}});
  return out;
}

OJson fallback_json(const FallbackPlan& plan) {
  OJson choice = nullptr;
  if (plan.fallback) {
    const FallbackChoice& c = *plan.fallback;
    choice = {{"option", option_ref(*c.evaluation)},
              {"mode", c.degraded ? "degraded" : "full"},
              {"score", c.evaluation->score},
              {"relaxed", findings_json(c.relaxed)},
              {"worst_rtt_ms", c.worst_rtt_ms ? OJson(*c.worst_rtt_ms) : OJson(nullptr)},
              {"shared_dependencies", c.shared},
              {"verify", c.to_verify}};
  }
  return {{"requirement", plan.requirement},
          {"primary", plan.primary ? option_ref(*plan.primary) : OJson(nullptr)},
          {"fallback", choice},
          {"passed_over", passed_over_json(plan.passed_over)},
          {"note", plan.note.empty() ? OJson(nullptr) : OJson(plan.note)},
          {"summary", render_detail::fallback_lines(plan)}};
}

OJson excluded_json(const ExcludedOption& x) {
  const Evaluation& e = *x.evaluation;
  return {{"option", option_ref(e)}, {"reasons", findings_json(e.exclusions)}, {"score_if_eligible", e.score}};
}

OJson report_provenance_json(const Provenance& p) {
  OJson j = {{"edgeplan_version", p.edgeplan_version},
            {"catalog", {{"name", p.catalog_name}, {"version", p.catalog_version}, {"date", p.catalog_date},
                         {"digest", "sha256:" + p.catalog_digest}, {"origin", p.catalog_origin}}},
            {"rules", {{"digest", "sha256:" + p.rules_digest}, {"files", p.rule_files}}}};
  if (!p.measured_latency_digest.empty()) j["measured_latency_digest"] = "sha256:" + p.measured_latency_digest;
  if (!p.prices_digest.empty())
    j["prices"] = {{"name", p.prices_name}, {"effective_date", p.prices_date}, {"currency", p.prices_currency},
                   {"digest", "sha256:" + p.prices_digest}, {"example", p.prices_example}};
  return j;
}

OJson diagnostics_json(const std::vector<Diagnostic>& items) {
  OJson out = OJson::array();
  for (const auto& d : items) out.push_back(render_detail::diagnostic_json(d));
  return out;
}

// ---------------------------------------------------------------- capacity plans

OrderedJson group_json(const HostGroup& g) {
  OrderedJson slots = OrderedJson::array();
  for (const auto& [type, count] : g.slots_per_host) slots.push_back({{"instance_type", type}, {"per_host", count}});
  auto res = [](const Resources& x) { return OrderedJson{{"vcpu", x.vcpu}, {"memory_gib", x.memory_gib}, {"gpus", x.gpus}}; };
  return {{"family", g.family}, {"host_type", g.host_type}, {"host", res(g.host)}, {"active_hosts", g.active_hosts},
          {"spare_hosts", g.spare_hosts}, {"total_hosts", g.total_hosts()}, {"binding_resource", g.binding_resource},
          {"demand", res(g.demand)}, {"utilization", res(g.utilization)}, {"utilization_after_failure", res(g.utilization_after_failure)},
          {"slots_per_host", slots}};
}

OrderedJson plan_json(const OutpostsPlan& p) {
  OrderedJson groups = OrderedJson::array();
  for (const auto& g : p.plan.groups) groups.push_back(group_json(g));
  const SizingPlan& s = p.plan;
  return {{"option", p.candidate_id}, {"form_factor", p.form_factor->id}, {"lifecycle", to_string(p.form_factor->lifecycle)},
          {"facility", p.facility->id}, {"fits", p.fits()}, {"feasible", s.feasible}, {"problems", s.problems},
          {"host_groups", groups}, {"total_hosts", s.total_hosts}, {"compute_racks", s.compute_racks}, {"network_racks", s.network_racks},
          {"rack_units", s.rack_units}, {"facility_rack_units", optional_json(p.facility->rack_units)}, {"power_kva", s.power_kva},
          {"facility_power_kva", optional_json(p.facility->power_kva)}, {"power_ok", p.power_ok}, {"space_ok", p.space_ok},
          {"ebs_tier_tb", s.ebs_tier_tb}, {"s3_tier_tb", s.s3_tier_tb}, {"to_verify", s.to_verify}, {"assumptions", s.assumptions}};
}

OrderedJson shared_json(const SharedOutpostCheck& c) {
  auto rows = [](const std::vector<SlotCheck>& list) {
    OrderedJson out = OrderedJson::array();
    for (const auto& s : list)
      out.push_back({{"instance_type", s.type}, {"total", s.total}, {"used", s.used}, {"demand", s.demand}, {"reserve", s.reserve},
                     {"limit", s.limit}, {"used_after", s.used_after}, {"remaining", s.remaining}, {"fits", s.fits},
                     {"utilization_now", s.utilization_now}, {"utilization_after", s.utilization_after}});
    return out;
  };
  return {{"outpost_id", c.outpost.outpost_id}, {"name", c.outpost.name}, {"file", c.outpost.file}, {"fits", c.fits()},
          {"connected_status", c.outpost.connected_status ? OrderedJson(*c.outpost.connected_status) : OrderedJson(nullptr)},
          {"instance_types", rows(c.slots)}, {"untouched_instance_types", rows(c.untouched)},
          {"ebs", {{"used_gb", c.ebs_used_gb}, {"demand_gb", c.ebs_demand_gb}, {"total_gb", c.ebs_total_gb}, {"fits", c.ebs_fits}}},
          {"problems", c.problems}, {"warnings", c.warnings}};
}

// ---------------------------------------------------------------- check runs

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
  j["item"] = f.item;
  j["measured"] = to_ordered(f.measured);
  j["required"] = to_ordered(f.required);
  j["unit"] = f.unit;
  j["location"] = {{"pointer", f.pointer}, {"line", f.line}, {"column", f.column}};
  j["waiver"] = f.waiver ? waiver_json(*f.waiver) : OrderedJson(nullptr);
  return j;
}

const char* spec_result(const SpecCheck& s) { return s.errored() ? "error" : s.passed() ? "pass" : "fail"; }

OrderedJson spec_json(const SpecCheck& s) {
  OrderedJson j;
  j["file"] = s.file;
  j["workload"] = s.workload;
  j["result"] = spec_result(s);
  j["proposed"] = s.proposed ? OrderedJson{{"option", *s.proposed}, {"kind", s.proposed_kind}, {"rank", s.proposed_rank ? OrderedJson(*s.proposed_rank) : OrderedJson(nullptr)}, {"score", optional_json(s.proposed_score)}}
                             : OrderedJson(nullptr);
  j["top"] = s.top_option.empty() ? OrderedJson(nullptr) : OrderedJson{{"option", s.top_option}, {"score", optional_json(s.top_score)}};
  j["eligible"] = s.eligible;
  j["candidates"] = s.candidates;
  j["findings"] = OrderedJson::array();
  for (const auto& f : s.findings) j["findings"].push_back(finding_json(f));
  j["cases"] = OrderedJson::array();
  for (const auto& c : s.cases) j["cases"].push_back({{"rule", c.rule}, {"status", to_string(c.status)}, {"detail", c.detail}});
  j["errors"] = OrderedJson::array();
  for (const auto& e : s.errors) j["errors"].push_back(render_detail::diagnostic_json(e));
  j["warnings"] = OrderedJson::array();
  for (const auto& w : s.warnings) j["warnings"].push_back(render_detail::diagnostic_json(w));
  return j;
}

OrderedJson rule_json(const CheckRule& r) {
  return {{"id", r.id}, {"severity", r.severity}, {"effect", r.effect}, {"factor", r.factor}, {"waivable", r.waivable}, {"source", r.source},
          {"description", r.description}, {"help", r.help}};
}

// ---------------------------------------------------------------- catalog listings and diffs

OrderedJson catalog_info_json(const CatalogInfo& info) {
  return {{"name", info.name}, {"version", info.version}, {"date", info.date}, {"digest", "sha256:" + info.digest}, {"origin", info.origin}};
}

OrderedJson account_view_json(const std::optional<AccountView>& a) {
  if (!a) return nullptr;
  return {{"id", a->id.empty() ? OrderedJson(nullptr) : OrderedJson(a->id)},
          {"captured_at", a->captured_at.empty() ? OrderedJson(nullptr) : OrderedJson(a->captured_at)},
          {"captured_at_basis", a->captured_at_basis}, {"regions", a->regions}, {"gaps", a->gaps}};
}

// Facts keyed by name, in the listing's order: `.facts.opt_in.value` in jq.
OrderedJson catalog_entry_json(const CatalogEntry& e) {
  OrderedJson facts = OrderedJson::object();
  for (const auto& f : e.facts) facts[f.name] = {{"value", f.value}, {"basis", f.basis}, {"source", f.source}};
  return {{"id", e.id}, {"kind", e.kind}, {"facts", facts}};
}

OrderedJson catalog_change_json(const CatalogChange& c) {
  OrderedJson facts = OrderedJson::object();
  for (const auto& f : c.facts)
    facts[f.name] = {{"before", f.before}, {"after", f.after},
                     {"source_after", f.source_after.empty() ? OrderedJson(nullptr) : OrderedJson(f.source_after)}};
  return {{"id", c.id}, {"kind", c.kind}, {"change", c.change}, {"facts", facts}};
}

OJson input_json(const ReportInput& in) {
  OJson rules = OJson::array();
  for (const auto& [id, file] : in.rules) rules.push_back({{"id", id}, {"file", file}});
  return {{"spec_digest", "sha256:" + in.spec_digest}, {"spec", to_ordered(in.spec)}, {"rules", rules}};
}

// ---------------------------------------------------------------- placement diffs

OrderedJson placement_json(const Placement& p) {
  OrderedJson j = {{"status", p.status}};
  if (p.status == "ok") j["id"] = p.id, j["kind"] = p.kind, j["score"] = optional_json(p.score);
  if (p.status == "error") j["error"] = p.error;
  return j;
}

OrderedJson input_changes_json(const InputChanges& c) {
  OrderedJson causes = OrderedJson::array(), fields = OrderedJson::array();
  for (Cause cause : c.causes) causes.push_back(to_string(cause));
  for (const auto& f : c.spec_fields) fields.push_back({{"pointer", f.pointer}, {"before", to_ordered(f.before)}, {"after", to_ordered(f.after)}});
  return {{"causes", causes},
          {"spec", {{"fields", fields}, {"sections", c.spec_sections}, {"recorded", !c.unrecorded}}},
          {"catalog", {{"before", c.catalog_before}, {"after", c.catalog_after}, {"measured_latency_changed", c.measured_latency}, {"prices_changed", c.prices}}},
          {"rules", {{"before", c.rules_before}, {"after", c.rules_after}, {"files_added", c.rule_files_added}, {"files_removed", c.rule_files_removed}}},
          {"edgeplan", {{"before", c.version_before}, {"after", c.version_after}}}};
}

OrderedJson option_change_json(const OptionChange& o) {
  return {{"id", o.id},
          {"kind", o.kind},
          {"rank", {{"before", optional_json(o.rank_before)}, {"after", optional_json(o.rank_after)}}},
          {"score", {{"before", optional_json(o.score_before)}, {"after", optional_json(o.score_after)}}},
          {"verdict", {{"before", o.verdict_before}, {"after", o.verdict_after}}},
          {"reasons_added", o.reasons_added},
          {"reasons_removed", o.reasons_removed}};
}

OrderedJson workload_diff_json(const WorkloadDiff& w) {
  OrderedJson evidence = OrderedJson::array(), options = OrderedJson::array();
  for (const auto& e : w.evidence) evidence.push_back({{"text", e.text}, {"points_to", e.points_to ? OrderedJson(to_string(*e.points_to)) : OrderedJson(nullptr)}});
  for (const auto& o : w.options) options.push_back(option_change_json(o));
  return {{"file", w.key}, {"workload", w.workload}, {"change", w.change}, {"before", placement_json(w.before)}, {"after", placement_json(w.after)},
          {"cause", w.cause_group()}, {"inputs", input_changes_json(w.inputs)}, {"evidence", evidence}, {"options", options}};
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
  for (std::size_t i = 0; i < report.ranked.size(); ++i) ranked.push_back(ranked_json(report.ranked[i], render_detail::latency_outlook_of(report, i)));
  for (const auto& x : report.excluded) excluded.push_back(excluded_json(x));
  for (const auto& n : report.near_misses) near.push_back({{"option", option_ref(*n.evaluation)}, {"changes", n.relaxation.changes}, {"patch", n.relaxation.patch},
                                  {"distance", render_detail::rounded(n.relaxation.distance, 3)}});
  for (const auto& c : report.exclusion_counts) counts.push_back({{"reason", c.label}, {"count", c.count}});
  return {{"schema_version", kReportSchemaVersion},
          {"workload", report.workload},
          {"workload_file", report.workload_file},
          {"feasible", report.feasible()},
          {"weights", report.weights},
          {"recommendations", ranked},
          {"winner_rationale", report.winner_rationale},
          {"robustness", report.robustness ? robustness_json(*report.robustness) : OJson(nullptr)},
          {"fallback", report.fallback ? fallback_json(*report.fallback) : OJson(nullptr)},
          {"excluded", excluded},
          {"near_misses", near},
          {"summary", {{"text", report.summary}, {"candidates", report.evaluations.size()}, {"eligible", report.ranked.size()},
                       {"excluded", report.excluded.size()}, {"excluded_by", counts}}},
          {"input_warnings", diagnostics_json(report.input_warnings)},
          {"provenance", report_provenance_json(report.provenance)},
          {"input", input_json(report.input)}};
}

OrderedJson explanation_json(const Explanation& x) {
  const Report& report = x.report;
  const Evaluation& e = x.option;
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
            {"latency_outlook", latency_outlook_json(x.outlook.latency)},
            {"provenance", report_provenance_json(report.provenance)}};
  for (const auto& r : report.ranked)
    if (r.evaluation == &e && r.cost) j["cost"] = cost_json(*r.cost);  // with prices only
  if (x.outlook.winner && report.robustness) j["robustness"] = robustness_json(*report.robustness);
  if (!x.outlook.to_win.empty()) {
    OJson to_win = OJson::array();
    for (const auto& b : x.outlook.to_win) to_win.push_back(weight_bound_json(b));
    j["winning_weights"] = to_win;
  }
  for (const auto& r : report.ranked)
    if (r.evaluation == &e) j["rank"] = r.rank;
  return j;
}

OrderedJson capacity_json(const CapacityReport& r) {
  auto res = [](const Resources& x, double ebs, double s3) {
    return OrderedJson{{"vcpu", x.vcpu}, {"memory_gib", x.memory_gib}, {"gpus", x.gpus}, {"ebs_tb", ebs}, {"s3_tb", s3}};
  };
  OrderedJson plans = OrderedJson::array(), availability = OrderedJson::array();
  for (const auto& p : r.plans) plans.push_back(plan_json(p));
  for (const auto& a : r.availability)
    availability.push_back({{"id", a.id}, {"kind", a.kind}, {"knowledge", a.knowledge}, {"matched", a.matched}, {"missing", a.missing},
                            {"unverified", a.unverified}});
  OrderedJson j = {{"schema_version", kReportSchemaVersion},
                   {"workload", r.workload},
                   {"demand", {{"growth_factor", r.demand.growth_factor},
                               {"now", res(r.demand.total_now(), r.demand.ebs_tb_now, r.demand.s3_tb_now)},
                               {"horizon", res(r.demand.total_horizon(), r.demand.ebs_tb_horizon, r.demand.s3_tb_horizon)}}},
                   {"policy", {{"spare_hosts", r.policy.spare_hosts}, {"max_utilization", r.policy.max_utilization}}},
                   {"outposts_plans", plans},
                   {"availability", availability}};
  if (r.shared) j["shared_outpost"] = shared_json(*r.shared);
  j["provenance"] = {{"edgeplan_version", r.provenance.edgeplan_version},
                     {"catalog", {{"name", r.provenance.catalog_name}, {"version", r.provenance.catalog_version},
                                  {"date", r.provenance.catalog_date}, {"digest", "sha256:" + r.provenance.catalog_digest}}}};
  return j;
}

OrderedJson cost_report_json(const CostReport& r) {
  OrderedJson options = OrderedJson::array();
  for (const auto& o : r.options)
    options.push_back({{"rank", o.rank}, {"option", o.option_id}, {"kind", o.kind}, {"score", o.score}, {"cost", cost_json(o.estimate)}});
  OrderedJson j = {{"schema_version", kCostSchemaVersion}, {"workload", r.workload}, {"months", r.months}, {"months_from_spec", r.months_from_spec},
                   {"priced", r.priced},               {"summary", r.summary},   {"options", options}};
  j["provenance"] = report_provenance_json(r.provenance);
  return j;
}

namespace render_detail {

OrderedJson diagnostic_json(const Diagnostic& d) {
  return {{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}, {"hint", d.hint}};
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string relative_path(const std::string& path) {
  std::filesystem::path given(path);
  if (given.is_absolute()) given = given.lexically_relative(std::filesystem::current_path());
  std::string out = given.lexically_normal().generic_string();
  while (out.rfind("./", 0) == 0) out = out.substr(2);
  return out;
}

OrderedJson check_provenance_json(const Provenance& p) {
  return {{"edgeplan_version", p.edgeplan_version},
          {"catalog", {{"name", p.catalog_name}, {"version", p.catalog_version}, {"date", p.catalog_date}, {"digest", "sha256:" + p.catalog_digest}}},
          {"rules", {{"digest", "sha256:" + p.rules_digest}, {"files", p.rule_files}}}};
}

namespace json {

std::string report(const Report& report, const RenderOptions&) { return dump_json(report_json(report), 2) + "\n"; }

std::string explanation(const Explanation& x, const RenderOptions&) { return dump_json(explanation_json(x), 2) + "\n"; }

std::string capacity(const CapacityReport& report, const RenderOptions&) { return dump_json(capacity_json(report), 2) + "\n"; }

std::string cost(const CostReport& report, const RenderOptions&) { return dump_json(cost_report_json(report), 2) + "\n"; }

std::string check(const CheckRun& run, const RenderOptions&) {
  OrderedJson j;
  j["schema_version"] = kCheckSchemaVersion;
  j["result"] = run.errored() ? "error" : run.failed() ? "fail" : "pass";
  j["exit_code"] = check_exit_code(run);
  j["options"] = {{"fail_on", run.options.fail_on}, {"require_top", run.options.require_top},
                  {"max_score_gap", optional_json(run.options.max_score_gap)}, {"waivers", run.options.use_waivers}, {"today", run.options.today}};
  j["summary"] = {{"specs", run.specs.size()}, {"passed", run.passed()}, {"failed", run.failed()}, {"errors", run.errored()},
                  {"findings", {{"error", run.count("error", false)}, {"warning", run.count("warning", false)}, {"info", run.count("info", false)},
                                {"waived", run.count("error", true) + run.count("warning", true) + run.count("info", true)}}}};
  j["specs"] = OrderedJson::array();
  for (const auto& s : run.specs) j["specs"].push_back(spec_json(s));
  j["rules"] = OrderedJson::array();
  for (const auto& r : run.rules) j["rules"].push_back(rule_json(r));
  j["provenance"] = check_provenance_json(run.provenance);
  return dump_json(j, 2) + "\n";
}

std::string rule_tests(const RuleTestRun& run, const RenderOptions&) {
  OrderedJson j;
  j["directory"] = run.directory;
  j["files"] = run.files;
  j["passed"] = run.passed();
  j["failed"] = run.failed();
  j["tests"] = OrderedJson::array();
  for (const auto& c : run.cases) {
    OrderedJson t = {{"file", c.file}, {"name", c.name}, {"workload", c.workload_file}, {"option", c.option}, {"passed", c.passed()}};
    t["expectations"] = OrderedJson::array();
    for (const auto& e : c.expectations) t["expectations"].push_back({{"rule", e.rule}, {"expected", e.expected}, {"actual", e.actual}});
    t["eligible"] = c.eligible ? OrderedJson(*c.eligible) : OrderedJson(nullptr);
    t["expect_eligible"] = c.expect_eligible ? OrderedJson(*c.expect_eligible) : OrderedJson(nullptr);
    j["tests"].push_back(t);
  }
  j["coverage"] = {{"rules", run.rules_in_directory}, {"untested", run.untested}};
  return dump_json(j, 2) + "\n";
}

// Keys sorted (nlohmann::json), as `rules list --format json` has always printed them.
std::string rules(const RuleSet& set, const RenderOptions&) {
  Json rules = Json::array();
  for (const auto& r : set.rules)
    rules.push_back({{"id", r.id}, {"effect", to_string(r.effect)}, {"severity", r.severity}, {"factor", r.factor},
                     {"description", r.description}, {"file", r.file}, {"waivable", r.waivable}, {"history", r.history}});
  return dump_json(Json{{"rules", rules}, {"weights", set.weights}, {"files", set.files}, {"digest", "sha256:" + set.digest}}, 2) + "\n";
}

std::string validation(const ValidationRun& run, const RenderOptions&) {
  OrderedJson specs = OrderedJson::array();
  for (const auto& s : run.specs) {
    OrderedJson j{{"file", s.file}, {"valid", s.valid()}, {"workload", s.valid() ? OrderedJson(s.loaded->workload.name) : OrderedJson(nullptr)}};
    j["errors"] = diagnostics_json(s.errors);
    j["warnings"] = diagnostics_json(s.valid() ? s.loaded->warnings : std::vector<Diagnostic>{});
    specs.push_back(std::move(j));
  }
  OrderedJson out{{"schema_version", kCheckSchemaVersion}, {"valid", run.invalid() == 0}, {"invalid", run.invalid()}, {"specs", specs}};
  return dump_json(out, 2) + "\n";
}

// One indented array of every option's rule data.
std::string facts(const FactsListing& listing, const RenderOptions&) {
  Json array = Json::array();
  for (const auto& entry : listing.entries) array.push_back(entry.data);
  return dump_json(array, 2) + "\n";
}

// The overlay as a person reads and diffs it: two-space indent, the header
// keys first, the rest in key order.
std::string aws_import(const AwsImport& result, const RenderOptions&) {
  OrderedJson out;
  for (const char* key : {"apiVersion", "kind", "extends", "metadata", "account"})
    if (result.overlay.contains(key)) out[key] = to_ordered(result.overlay[key]);
  for (const auto& [key, value] : result.overlay.items())
    if (!out.contains(key)) out[key] = to_ordered(value);
  return dump_json(out, 2) + "\n";
}

std::string catalog_listing(const CatalogListing& listing, const RenderOptions&) {
  OrderedJson entries = OrderedJson::array();
  for (const auto& e : listing.entries) entries.push_back(catalog_entry_json(e));
  const OrderedJson out = {{"schema_version", kCatalogViewSchemaVersion}, {"catalog", catalog_info_json(listing.info)},
                           {"account", account_view_json(listing.account)}, {"entries", entries}};
  return dump_json(out, 2) + "\n";
}

std::string catalog_diff(const CatalogDiff& diff, const RenderOptions&) {
  OrderedJson changes = OrderedJson::array();
  for (const auto& c : diff.changes) changes.push_back(catalog_change_json(c));
  const OrderedJson out = {{"schema_version", kCatalogViewSchemaVersion},
                           {"before", catalog_info_json(diff.before)},
                           {"after", catalog_info_json(diff.after)},
                           {"changed", !diff.changes.empty()},
                           {"summary", {{"changed", diff.count("changed")}, {"added", diff.count("added")}, {"removed", diff.count("removed")}}},
                           {"changes", changes}};
  return dump_json(out, 2) + "\n";
}

std::string placement_diff(const PlacementDiff& d, const RenderOptions&) {
  OrderedJson workloads = OrderedJson::array(), by_cause = OrderedJson::object();
  for (const auto& w : d.workloads) workloads.push_back(workload_diff_json(w));
  for (const auto& [cause, count] : d.moved_by_cause()) by_cause[cause] = count;
  const OrderedJson out = {{"schema_version", kPlacementDiffSchemaVersion},
                           {"kind", d.kind == RecordKind::report ? "report" : "batch"},
                           {"before", d.before_file},
                           {"after", d.after_file},
                           {"changed", d.changed()},
                           {"summary", {{"compared", d.compared}, {"moved", d.count("moved")}, {"newly_infeasible", d.count("newly-infeasible")},
                                        {"newly_feasible", d.count("newly-feasible")}, {"errors", d.count("error")}, {"added", d.count("added")},
                                        {"removed", d.count("removed")}, {"changed", d.count("changed")}, {"by_cause", by_cause}}},
                           {"workloads", workloads}};
  return dump_json(out, 2) + "\n";
}

}  // namespace json

}  // namespace render_detail

}  // namespace edgeplan
