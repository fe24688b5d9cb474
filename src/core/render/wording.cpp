#include "render/wording.hpp"

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

std::string provenance_line(const Provenance& p) {
  return fmt::format("edgeplan {} · catalog {} {} ({}, sha256:{}) · rules sha256:{}", p.edgeplan_version, p.catalog_name,
                     p.catalog_version, p.catalog_date, p.catalog_digest.substr(0, 12), p.rules_digest.substr(0, 12));
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

}  // namespace edgeplan::render_detail
