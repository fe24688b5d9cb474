#include <edgeplan/explain.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <edgeplan/robustness.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

constexpr std::size_t kFactorsInRationale = 3;

std::string label(const Evaluation& e) { return fmt::format("{} ({})", e.candidate->id, e.option["kind"].get<std::string>()); }

std::string signed_points(double points) {
  return points >= 0 ? "+" + util::format_number(points) : util::format_number(points);
}

// Factors ordered by how much they moved the weighted score between a and b.
std::vector<std::string> factor_differences(const Evaluation& a, const Evaluation& b, const std::map<std::string, double>& weights) {
  const auto shares = factor_shares(a, b, weights);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < shares.size() && i < kFactorsInRationale; ++i)
    out.push_back(fmt::format("{} {} vs {} ({} points)", shares[i].factor, util::format_number(shares[i].score_a),
                              util::format_number(shares[i].score_b), signed_points(shares[i].points)));
  return out;
}

// "estimated RTT: ..." or "measured RTT: ..." (values from --latency-file say
// so); when both kinds appear, each value carries its own label.
std::string latency_line(const Evaluation& e) {
  struct Part {
    std::string text;
    bool measured;
  };
  std::vector<Part> parts;
  auto is_measured = [](const Json& entry) { return entry.value("source", "") == "measured"; };
  for (const auto& u : e.facts["latency"]["users"]) {
    if (u["rtt_compared_ms"].is_null()) continue;
    std::string budget = u["required_ms"].is_null() ? "" : fmt::format(" (budget {} ms)", util::format_number(u["required_ms"].get<double>()));
    parts.push_back({fmt::format("{} {} ms{}", u["name"].get<std::string>(), util::format_number(u["rtt_compared_ms"].get<double>()), budget),
                     is_measured(u)});
  }
  for (const auto& d : e.facts["latency"]["dependencies"])
    parts.push_back({fmt::format("{} {} ms (budget {} ms)", d["name"].get<std::string>(), util::format_number(d["rtt_compared_ms"].get<double>()),
                                 util::format_number(d["required_ms"].get<double>())),
                     is_measured(d)});
  if (parts.empty()) return {};
  const auto measured = std::count_if(parts.begin(), parts.end(), [](const Part& p) { return p.measured; });
  std::vector<std::string> texts;
  const bool mixed = measured > 0 && measured < static_cast<std::ptrdiff_t>(parts.size());
  for (const auto& p : parts) texts.push_back(mixed ? fmt::format("{} {}", p.measured ? "measured" : "estimated", p.text) : p.text);
  if (mixed) return "RTT: " + util::join_list(texts);
  return (measured > 0 ? "measured RTT: " : "estimated RTT: ") + util::join_list(texts);
}

// The winner's cost against the best-ranked option of each other kind (the
// Outpost against the Local Zone, say) and against any cheaper option: "… (+Z %)".
std::string cost_comparison(const Report& report) {
  const RankedOption& first = report.ranked.front();
  if (!first.cost) return {};
  std::string line = fmt::format("cost: {} {}", first.evaluation->candidate->id, cost_summary(*first.cost));
  std::vector<const RankedOption*> rivals;
  std::vector<SiteKind> kinds = {first.evaluation->candidate->kind};
  const RankedOption* cheapest = nullptr;
  for (std::size_t i = 1; i < report.ranked.size(); ++i) {
    const RankedOption& r = report.ranked[i];
    if (!r.cost) continue;
    const SiteKind kind = r.evaluation->candidate->kind;
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end() && rivals.size() < 2) kinds.push_back(kind), rivals.push_back(&r);
    if (r.cost->known() && (!cheapest || *r.cost->total < *cheapest->cost->total)) cheapest = &r;
  }
  const bool cheaper = cheapest && first.cost->known() && *cheapest->cost->total < *first.cost->total;
  if (cheaper && std::find(rivals.begin(), rivals.end(), cheapest) == rivals.end()) rivals.push_back(cheapest);
  for (const RankedOption* r : rivals) {
    line += fmt::format("; {} {}", r->evaluation->candidate->id, cost_summary(*r->cost));
    if (r->cost->known() && first.cost->known() && *first.cost->total > 0)
      line += fmt::format(" ({}{} %)", *r->cost->total >= *first.cost->total ? "+" : "",
                          util::format_number((*r->cost->total / *first.cost->total - 1) * 100));
  }
  return line;
}

std::vector<std::string> option_rationale(const Evaluation& e) {
  std::vector<std::string> out;
  std::vector<std::string> factors;
  for (const auto& [factor, score] : e.factor_scores) factors.push_back(fmt::format("{} {}", factor, util::format_number(score)));
  out.push_back(fmt::format("score {} = weighted factors ({})", util::format_number(e.score), util::join_list(factors)) +
                (e.adjustments.empty() ? "" : " + adjustments"));
  if (auto line = latency_line(e); !line.empty()) out.push_back(line);
  for (const auto& a : e.adjustments) out.push_back(fmt::format("{} points: {}", signed_points(a.points), a.message));
  return out;
}

void fill_verdicts(Report& report) {
  for (auto& r : report.ranked) {
    for (const auto& w : r.evaluation->warnings)
      (w.condition_kind == "note" ? r.notes : r.conditions).push_back(&w);
    r.verdict = r.conditions.empty() ? Verdict::eligible : Verdict::eligible_with_conditions;
    r.rationale = option_rationale(*r.evaluation);
    if (r.cost) r.rationale.push_back("cost: " + cost_summary(*r.cost));
  }
}

void explain_winner(Report& report) {
  report.winner_rationale.clear();
  if (report.ranked.empty()) return;
  const Evaluation& winner = *report.ranked[0].evaluation;
  if (report.ranked.size() == 1) {
    report.winner_rationale.push_back(fmt::format("{} is the only eligible option (score {})", label(winner), util::format_number(winner.score)));
  } else {
    const Evaluation& runner = *report.ranked[1].evaluation;
    report.winner_rationale.push_back(fmt::format("{} ranks first with {}, {} points ahead of {} ({})", label(winner),
                                                  util::format_number(winner.score), util::format_number(winner.score - runner.score),
                                                  label(runner), util::format_number(runner.score)));
    auto diffs = factor_differences(winner, runner, report.weights);
    if (!diffs.empty()) report.winner_rationale.push_back("difference by factor: " + util::join_list(diffs));
    if (diffs.empty() && winner.score == runner.score)
      report.winner_rationale.push_back("equal scores: the tie is broken by option id");
  }
  if (auto line = latency_line(winner); !line.empty()) report.winner_rationale.push_back(line);
  if (auto line = cost_comparison(report); !line.empty()) report.winner_rationale.push_back(line);
  for (const auto& a : winner.adjustments) report.winner_rationale.push_back(fmt::format("{} points: {}", signed_points(a.points), a.message));
}

}  // namespace

void count_exclusions(Report& report) {
  std::vector<SummaryCount> counts;
  for (const auto& x : report.excluded) {
    const std::string& key = x.evaluation->exclusions.front().summary;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const SummaryCount& c) { return c.label == key; });
    if (it == counts.end()) counts.push_back({key, 1});
    else ++it->count;
  }
  std::stable_sort(counts.begin(), counts.end(), [](const SummaryCount& a, const SummaryCount& b) {
    return a.count != b.count ? a.count > b.count : a.label < b.label;
  });
  report.exclusion_counts = counts;
  std::vector<std::string> parts;
  for (const auto& c : counts) parts.push_back(fmt::format("{} {}", c.count, c.label));
  report.summary = fmt::format("{} of {} candidates eligible", report.ranked.size(), report.evaluations.size());
  if (!parts.empty()) report.summary += ": " + util::join_list(parts) + " excluded";
}

std::vector<std::string> changes_to_qualify(const std::vector<const Finding*>& exclusions) {
  // One change per rule: for numeric rules the finding with the largest
  // measured value binds (lifting it lifts the others of that rule).
  std::map<std::string, const Finding*> binding;
  std::vector<std::string> order;
  for (const Finding* found : exclusions) {
    const Finding& f = *found;
    if (f.remedy.empty()) return {};
    auto it = binding.find(f.rule);
    if (it == binding.end()) {
      binding[f.rule] = &f;
      order.push_back(f.rule);
    } else if (f.measured.is_number() && it->second->measured.is_number() && f.measured.get<double>() > it->second->measured.get<double>()) {
      it->second = &f;
    }
  }
  std::vector<std::string> out;
  for (const auto& rule : order)
    if (std::find(out.begin(), out.end(), binding[rule]->remedy) == out.end()) out.push_back(binding[rule]->remedy);
  return out;
}

void explain(Report& report) {
  fill_verdicts(report);
  explain_winner(report);
  count_exclusions(report);
  report.robustness = assess_robustness(report);
}

}  // namespace edgeplan
