#include "render/wording.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan::render_detail {

// ---------------------------------------------------------------- recommendations

std::string option_title(const Evaluation& e) {
  const Json& o = e.option;
  std::string title = fmt::format("{} ({}) — {}", o["id"].get<std::string>(), o["kind"].get<std::string>(), o["name"].get<std::string>());
  if (!o["parent_region"].is_null()) title += ", parent " + o["parent_region"].get<std::string>();
  return title;
}

std::string verdict_words(Verdict verdict) {
  return verdict == Verdict::eligible ? "eligible" : "eligible with conditions";
}

std::string factor_line(const Evaluation& e) {
  std::vector<std::string> parts;
  for (const auto& [factor, score] : e.factor_scores) parts.push_back(fmt::format("{} {}", factor, util::format_number(score)));
  return util::join_list(parts, " · ");
}

namespace {

std::string amount(const std::optional<double>& value, const std::string& currency) {
  return value ? format_money(*value, currency) : std::string("unknown");
}

}  // namespace

std::string cost_line_text(const CostLine& l, const CostEstimate& c, const std::string& citation) {
  if (!l.known()) return fmt::format("{}: {}: unknown; supply {}", l.category, l.what, l.missing);
  std::string money = l.monthly_now == l.monthly_horizon ? fmt::format("{}/month", amount(l.monthly_now, c.currency))
                                                        : fmt::format("{}/month now, {} at the horizon", amount(l.monthly_now, c.currency),
                                                                      amount(l.monthly_horizon, c.currency));
  if (l.upfront > 0) money += fmt::format(", {} upfront", format_money(l.upfront, c.currency));
  return fmt::format("{}: {}: {}; {} over {} months {}", l.category, l.what, money, amount(l.total, c.currency), c.months, citation);
}

std::vector<std::string> cost_lines(const Report& report, const Evaluation& option) {
  for (const auto& r : report.ranked) {
    if (r.evaluation != &option || !r.cost) continue;
    std::vector<std::string> out = {cost_summary(*r.cost)};
    for (const auto& l : r.cost->lines) out.push_back(cost_line_text(l, *r.cost, "[" + l.source + "]"));
    for (const auto& n : r.cost->notes) out.push_back("note: " + n);
    return out;
  }
  return {};
}

std::string provenance_line(const Provenance& p) {
  std::string line = fmt::format("edgeplan {} · catalog {} {} ({}, sha256:{}) · rules sha256:{}", p.edgeplan_version, p.catalog_name,
                                 p.catalog_version, p.catalog_date, util::short_digest(p.catalog_digest), util::short_digest(p.rules_digest));
  if (!p.prices_digest.empty())
    line += fmt::format(" · prices {} ({}, {}, sha256:{}){}", p.prices_name, p.prices_currency, p.prices_date, util::short_digest(p.prices_digest),
                        p.prices_example ? " — EXAMPLE prices, not real ones" : "");
  return line;
}

std::string finding_line(const Finding& f) {
  // "verify: …" unless the message already starts with the word.
  if (f.effect == Effect::warn && f.message.rfind(f.condition_kind, 0) != 0)
    return fmt::format("{}: {} [{}]", f.condition_kind, f.message, f.rule);
  return fmt::format("{} [{}]", f.message, f.rule);
}

std::string relaxation_line(const Report& report, const Evaluation& e) {
  for (const auto& x : report.excluded)
    if (x.evaluation == &e && x.relaxation) return near_miss_text(NearMiss{&e, *x.relaxation});
  return "no change to the requirements alone makes it eligible";
}

std::string near_miss_text(const NearMiss& n) {
  const auto& changes = n.relaxation.changes;
  if (changes.size() == 1) return "eligible if " + changes.front();
  return "eligible only with all of these changes (no single one is enough): " + util::join_list(changes, "; ");
}

std::vector<std::string> latency_term_lines(const Evaluation& e) {
  std::vector<std::string> out;
  const Json& latency = e.facts.contains("latency") ? e.facts["latency"] : Json();
  const std::string percentile = latency.is_object() ? latency.value("percentile", "p50") : "p50";
  auto add = [&](const Json& entries) {
    if (!entries.is_array()) return;
    for (const auto& x : entries) {
      if (!x.contains("terms") || x["rtt_compared_ms"].is_null()) continue;
      out.push_back(fmt::format("{} ({}, {} {} ms): {}", x["name"].get<std::string>(), x.value("path", ""), percentile,
                                util::format_number(x["rtt_compared_ms"].get<double>()), x["terms"].get<std::string>()));
    }
  };
  if (latency.is_object()) {
    add(latency["users"]);
    add(latency["dependencies"]);
  }
  const Json& parent = e.facts.contains("parent_region") ? e.facts["parent_region"] : Json();
  if (parent.is_object() && parent.contains("terms"))
    out.push_back(fmt::format("parent Region {} (backbone): {}", parent["id"].get<std::string>(), parent["terms"].get<std::string>()));
  return out;
}

namespace {

std::string text_or(const Json& j, const char* key, const std::string& otherwise) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : otherwise;
}

// The strings of `array` (those holding `only`, when given), listed.
std::string listed(const Json& array, std::string_view only = {}) {
  std::vector<std::string> items;
  if (array.is_array())
    for (const auto& x : array)
      if (x.is_string() && x.get_ref<const std::string&>().find(only) != std::string::npos) items.push_back(x.get<std::string>());
  return items.empty() ? "none" : util::join_list(items);
}

}  // namespace

std::vector<std::string> fact_source_lines(const Evaluation& e) {
  const Json& f = e.facts;
  const Json& account = f.contains("account") ? f["account"] : Json();
  const bool imported = account.is_object() && account.value("imported", false);
  if (!imported || !account.value("observed", false)) return {};
  const std::string documentation = "the catalog (AWS documentation)";
  const std::string label = text_or(account, "label", "the account view");
  const std::string captured = text_or(account, "captured_at", "");
  // "account 111122223333 — aws ec2 describe-regions, captured …": the commands that said it.
  const auto from_account = [&](std::string_view command) {
    return label + " — " + listed(account["sources"], command) + (captured.empty() ? "" : ", captured " + captured);
  };
  const bool region = e.option.is_object() && e.option.value("kind", "") == "region";
  const char* listing = region ? "describe-regions" : "describe-availability-zones";
  std::vector<std::string> out;
  const Json& capacity = f.contains("capacity") ? f["capacity"] : Json();
  if (capacity.is_object())
    out.push_back(fmt::format("instance families {} ({}): {}", listed(capacity["families_offered"]), text_or(capacity, "family_knowledge", "unknown"),
                              text_or(capacity, "family_source", "") == "account" ? from_account("instance-type-offerings") : documentation));
  const Json& operations = f.contains("operations") ? f["operations"] : Json();
  if (operations.is_object())
    out.push_back(fmt::format("opt-in {}: {}", text_or(operations, "opt_in_status", "unknown"),
                              text_or(operations, "opt_in_basis", "").empty() ? documentation : from_account(listing)));
  if (!account["seen"].is_null())
    out.push_back(fmt::format("listed for the account: {}: {}", account["seen"].get<bool>() ? "yes" : "no", from_account(listing)));
  const Json& parent = f.contains("parent_region") ? f["parent_region"] : Json();
  if (parent.is_object() && text_or(parent, "rtt_source", "") == "measured")
    out.push_back(fmt::format("RTT to parent Region {}: {} ms measured by AWS (get-aws-network-performance-data)", text_or(parent, "id", ""),
                              util::format_number(parent["rtt_ms"].get<double>())));
  return out;
}

// ---------------------------------------------------------------- how sure the winner is

std::string one_decimal(double value) { return util::format_number(std::round(value * 10) / 10); }

namespace {

std::string ms_text(const LatencyCheck& c) {
  if (c.measured) return fmt::format("measured {} ms", one_decimal(c.typical_ms));
  return fmt::format("optimistic {} · typical {} · pessimistic {} ms", one_decimal(c.low_ms), one_decimal(c.typical_ms), one_decimal(c.high_ms));
}

std::string binding_text(const LatencyOutlook& o) {
  const LatencyCheck* b = o.binding();
  if (!b) return "";
  return fmt::format("{}: {} vs budget {} ms", b->name, ms_text(*b), one_decimal(b->required_ms));
}

}  // namespace

const LatencyOutlook* latency_outlook_of(const Report& report, std::size_t rank_index) {
  if (!report.robustness || rank_index >= report.robustness->latency.size()) return nullptr;
  return &report.robustness->latency[rank_index];
}

std::string latency_band_cell(const LatencyOutlook& o) {
  if (o.band == LatencyBand::no_budget) return "no budget";
  return fmt::format("{} (P {})", o.band == LatencyBand::pessimistic ? "met even at pessimistic"
                                  : o.band == LatencyBand::typical   ? "met at typical, not pessimistic"
                                  : o.band == LatencyBand::optimistic ? "met only at optimistic"
                                                                      : "missed",
                     probability_text(o.probability));
}

std::string probability_text(double p) {
  // A normal tail never reaches 0 or 1: say how close, not "100 %".
  if (p >= 0.9995) return "> 99.9 %";
  if (p < 0.0005) return "< 0.1 %";
  return one_decimal(p * 100) + " %";
}

std::string latency_band_text(const LatencyOutlook& o) {
  const std::string p = probability_text(o.probability);
  switch (o.band) {
    case LatencyBand::no_budget: return "no latency budget applies";
    case LatencyBand::pessimistic: return fmt::format("meets every latency budget even at the pessimistic estimate (P {})", p);
    case LatencyBand::typical:
      return fmt::format("meets its latency budgets at the typical estimate, not at the pessimistic one (P {}; {})", p, binding_text(o));
    case LatencyBand::optimistic: return fmt::format("meets its latency budgets only at the optimistic estimate (P {}; {})", p, binding_text(o));
    case LatencyBand::missed: return fmt::format("misses a latency budget even at the optimistic estimate ({})", binding_text(o));
  }
  return "";
}

std::string weight_bound_text(const WeightBound& b) {
  const std::string now = one_decimal(b.weight);
  std::vector<std::string> parts;
  if (b.low)
    parts.push_back(fmt::format("the {} weight drops {} {} (now {}), then {} wins", b.factor, b.low_inclusive ? "to" : "below", one_decimal(*b.low), now,
                                b.low_rival));
  if (b.high)
    parts.push_back(fmt::format("the {} weight rises {} {} (now {}), then {} wins", b.factor, b.high_inclusive ? "to" : "above", one_decimal(*b.high), now,
                                b.high_rival));
  if (parts.empty()) return fmt::format("holds at any {} weight (now {})", b.factor, now);
  return "holds unless " + util::join_list(parts, " or ");
}

namespace {

std::string winning_weight_text(const WeightBound& b) {
  if (!b.reachable) return "";
  const std::string now = one_decimal(b.weight);
  if (b.low && b.high) return fmt::format("wins with the {} weight between {} and {} (now {})", b.factor, one_decimal(*b.low), one_decimal(*b.high), now);
  if (b.low) return fmt::format("wins if the {} weight rises {} {} (now {})", b.factor, b.low_inclusive ? "above" : "to", one_decimal(*b.low), now);
  if (b.high) return fmt::format("wins if the {} weight drops {} {} (now {})", b.factor, b.high_inclusive ? "below" : "to", one_decimal(*b.high), now);
  return "";
}

}  // namespace

std::vector<std::string> to_win_lines(const OptionOutlook& o) {
  std::vector<std::string> lines;
  for (const auto& b : o.to_win)
    if (auto line = winning_weight_text(b); !line.empty()) lines.push_back(line);
  if (lines.empty()) lines.push_back("no change of a single factor weight makes it rank first");
  return lines;
}

std::string confidence_line(const Robustness& r) {
  std::vector<std::string> parts;
  if (r.margin) parts.push_back(fmt::format("margin {} points over {}", one_decimal(*r.margin), r.runner_up));
  else parts.push_back(r.equivalent.empty() ? "the only eligible option" : "no other eligible option but equivalent ones");
  if (!r.equivalent.empty()) parts.push_back(fmt::format("{} equivalent (same place and scores)", util::join_list(r.equivalent)));
  if (r.leads_only_by_rounding) parts.push_back("leads only after rounding");
  if (r.smallest_change) parts.push_back(weight_bound_text(*r.smallest_change));
  else if (r.margin && !r.leads_only_by_rounding) parts.push_back("no single weight change makes another option win");
  if (!r.latency.empty()) parts.push_back(latency_band_text(r.latency.front()));
  parts.push_back(fmt::format("{} verify condition{}", r.verify.size(), r.verify.size() == 1 ? "" : "s"));
  return fmt::format("{} — {}", to_string(r.label), util::join_list(parts, "; "));
}

std::vector<std::string> robustness_lines(const Robustness& r) {
  std::vector<std::string> out;
  out.push_back(fmt::format("confidence: {}{}", to_string(r.label), r.reasons.empty() ? " (no threshold crossed)" : ": " + util::join_list(r.reasons, "; ")));
  if (r.clamped)
    out.push_back("an option's adjustments take its score past 0 or 100, where it is clamped: the weight bounds below are approximate");
  if (!r.equivalent.empty())
    out.push_back(fmt::format("equivalent to the winner, not counted as rivals (same kind and place, equal scores): {}", util::join_list(r.equivalent)));
  if (r.margin) {
    std::vector<std::string> shares;
    for (const auto& f : r.margin_by_factor)
      shares.push_back(fmt::format("{} {} vs {} ({}{})", f.factor, one_decimal(f.score_a), one_decimal(f.score_b), f.points >= 0 ? "+" : "", one_decimal(f.points)));
    if (r.margin_adjustments != 0) shares.push_back(fmt::format("adjustments {}{}", r.margin_adjustments >= 0 ? "+" : "", one_decimal(r.margin_adjustments)));
    out.push_back(fmt::format("margin: {} points over {}{}", one_decimal(*r.margin), r.runner_up, shares.empty() ? "" : ": " + util::join_list(shares)));
  }
  std::vector<std::string> unbounded;
  for (const auto& b : r.weight_bounds) {
    if (b.low || b.high) out.push_back(fmt::format("weight {}: {}", b.factor, weight_bound_text(b)));
    else unbounded.push_back(fmt::format("{} ({})", b.factor, one_decimal(b.weight)));
  }
  if (!unbounded.empty()) out.push_back("holds at any weight, the others fixed, of: " + util::join_list(unbounded));
  if (r.nearest_shift) {
    std::vector<std::string> moved;
    for (const auto& m : r.nearest_shift->moves) moved.push_back(fmt::format("{} {} → {}", m.factor, one_decimal(m.from), one_decimal(m.to)));
    out.push_back(fmt::format("nearest weights at which another option wins: {} ({}), a change of {} ({} of the weights)", util::join_list(moved),
                              r.nearest_shift->rival, one_decimal(r.nearest_shift->l1), one_decimal(r.nearest_shift->share * 100) + " %"));
  }
  for (const auto& o : r.latency) out.push_back(fmt::format("latency {}: {}", o.option, latency_band_text(o)));
  for (const Finding& f : r.verify) out.push_back(fmt::format("could exclude it: {} [{}]", f.message, f.rule));
  return out;
}

std::vector<std::string> latency_check_lines(const LatencyOutlook& o) {
  std::vector<std::string> out;
  for (const auto& c : o.checks)
    out.push_back(fmt::format("{}{}: budget {} ms; {}; P {}", c.dependency ? "dependency " : "", c.name, one_decimal(c.required_ms), ms_text(c),
                              probability_text(c.probability)));
  return out;
}

// ---------------------------------------------------------------- primary + fallback

std::string fallback_headline(const FallbackPlan& plan) {
  if (!plan.fallback) return "none";
  return option_title(*plan.fallback->evaluation) + (plan.fallback->degraded ? " — degraded mode" : " — meets every requirement");
}

namespace {

// "LA users 38 ms vs 10 ms budget"
std::string relaxed_text(const Finding& f) {
  const std::string what = f.item.empty() ? f.rule : f.item;
  if (!f.required.is_number()) return fmt::format("{} {} {}", what, util::format_number(f.measured.get<double>()), f.unit);
  return fmt::format("{} {} {} vs {} {} budget", what, util::format_number(f.measured.get<double>()), f.unit,
                     util::format_number(f.required.get<double>()), f.unit);
}

}  // namespace

std::vector<std::string> fallback_lines(const FallbackPlan& plan) {
  std::vector<std::string> out;
  if (plan.primary && plan.fallback)
    out.push_back(fmt::format("primary {} + fallback {}, outside its failure domain (another site; not the same facility or network border group)",
                              plan.primary->candidate->id, plan.fallback->evaluation->candidate->id));
  if (plan.fallback && plan.fallback->degraded) {
    std::vector<std::string> relaxed;
    for (const Finding* f : plan.fallback->relaxed) relaxed.push_back(relaxed_text(*f));
    out.push_back(fmt::format("{} meets every requirement but latency: {} — degraded mode", plan.fallback->evaluation->candidate->id,
                              util::join_list(relaxed)));
  }
  if (plan.fallback) {
    for (const auto& s : plan.fallback->shared) out.push_back("shared dependency: " + s);
    for (const auto& v : plan.fallback->to_verify) out.push_back("verify " + v);
  }
  // The first few by name: the reader sees why the obvious neighbour is not the fallback.
  constexpr std::size_t kNamed = 4;
  std::vector<std::string> passed;
  for (std::size_t i = 0; i < plan.passed_over.size() && i < kNamed; ++i)
    passed.push_back(fmt::format("{} ({})", plan.passed_over[i].option, plan.passed_over[i].why));
  if (plan.passed_over.size() > kNamed) passed.push_back(fmt::format("{} more", plan.passed_over.size() - kNamed));
  if (!passed.empty()) out.push_back("passed over, sharing the primary's failure domain: " + util::join_list(passed));
  if (!plan.note.empty()) out.push_back(plan.note);
  return out;
}

// ---------------------------------------------------------------- check runs

namespace {

int rules_fired(const SpecCheck& s) {
  int n = 0;
  for (const auto& c : s.cases) n += c.status == CaseStatus::failed || c.status == CaseStatus::warned ? 1 : 0;
  return n;
}

}  // namespace

std::string spec_headline(const SpecCheck& s) {
  if (s.errored()) return "could not be evaluated";
  if (!s.proposed) {
    if (s.top_option.empty()) return fmt::format("{}: no proposed placement, and none of {} candidates is feasible", s.workload, s.candidates);
    return fmt::format("{}: no proposed placement; {} of {} candidates eligible, top {}", s.workload, s.eligible, s.candidates, s.top_option);
  }
  std::string out = fmt::format("{}: proposed {} ({})", s.workload, *s.proposed, s.proposed_kind);
  if (s.proposed_rank)
    out += fmt::format(", rank {} of {} eligible, score {}", *s.proposed_rank, s.eligible, util::format_number(s.proposed_score.value_or(0)));
  else
    out += ", excluded";
  if (int fired = rules_fired(s)) out += fmt::format(" · {} fired", util::plural(fired, "rule"));
  return out;
}

std::string location_text(const std::string& file, const CheckFinding& f) {
  if (f.line <= 0) return file;
  return fmt::format("{}:{}:{}{}", file, f.line, f.column, f.pointer.empty() ? "" : " (" + f.pointer + ")");
}

std::string waiver_text(const AppliedWaiver& w) {
  return fmt::format("waived by {} until {}: {}{}", w.owner, w.expires, w.reason, w.ticket.empty() ? "" : " [" + w.ticket + "]");
}

std::string finding_fingerprint(const SpecCheck& s, const CheckFinding& f) {
  return util::sha256_hex(s.file + "\n" + f.rule + "\n" + f.option + "\n" + f.item).substr(0, 32);
}

std::string check_summary_line(const CheckRun& run) {
  std::string out = fmt::format("{} checked: {} passed, {} failed", util::plural(static_cast<long long>(run.specs.size()), "spec"), run.passed(), run.failed());
  if (run.errored() > 0) out += fmt::format(", {} could not be evaluated", run.errored());
  const int waived = run.count("error", true) + run.count("warning", true) + run.count("info", true);
  out += fmt::format(" · findings: {}, {}, {} info, {} waived", util::plural(run.count("error", false), "error"),
                     util::plural(run.count("warning", false), "warning"), run.count("info", false), waived);
  out += fmt::format(" · fail on {}{}", run.options.fail_on, run.options.use_waivers ? "" : " · waivers ignored (--no-waivers)");
  return out;
}

// ---------------------------------------------------------------- catalog listings and diffs

namespace {

std::string value_text(const FactValue& value, bool nested);

// Coordinates and kVA as the catalog wrote them: 39.74, not format_number's 39.7.
std::string number_text(const FactValue& value) {
  if (value.is_number_integer()) return value.dump();
  return fmt::format("{}", value.get<double>());
}

std::vector<std::string> value_parts(const FactValue& value) {
  std::vector<std::string> parts;
  if (value.is_array())
    for (const auto& item : value) parts.push_back(value_text(item, true));
  else if (value.is_object())
    for (const auto& [key, item] : value.items()) parts.push_back(key + ": " + value_text(item, true));
  else
    parts.push_back(value_text(value, true));
  return parts;
}

std::string value_text(const FactValue& value, bool nested) {
  if (value.is_null()) return "unknown";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number()) return number_text(value);
  if (value.is_array()) return value.empty() ? "none" : util::join_list(value_parts(value), ", ");
  const std::string members = util::join_list(value_parts(value), nested ? ", " : "; ");
  return nested ? "(" + members + ")" : members;
}

}  // namespace

std::string fact_value_text(const FactValue& value) { return value_text(value, false); }

std::vector<std::string> fact_value_parts(const FactValue& value) {
  if (value.is_array() && value.empty()) return {"none"};
  return value_parts(value);
}

std::size_t SourceNumbers::number(const std::string& source) {
  if (source.empty()) return 0;
  auto it = std::find(m_sources.begin(), m_sources.end(), source);
  if (it == m_sources.end()) it = m_sources.insert(m_sources.end(), source);
  return static_cast<std::size_t>(it - m_sources.begin()) + 1;
}

std::string catalog_line(const CatalogInfo& info) {
  return fmt::format("{} {} ({}), sha256:{}, from {}", info.name, info.version, info.date.empty() ? "undated" : info.date, util::short_digest(info.digest),
                     info.origin);
}

std::string diff_counts(const CatalogDiff& diff) {
  if (diff.changes.empty()) return "no changes";
  return fmt::format("{} changed, {} added, {} removed", diff.count("changed"), diff.count("added"), diff.count("removed"));
}

}  // namespace edgeplan::render_detail
