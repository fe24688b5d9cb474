#include <edgeplan/render.hpp>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/render_common.hpp"

namespace edgeplan {

namespace {

using namespace render_detail;

void append_ranked(std::string& out, const Report& report, const RenderOptions& options, const Painter& p) {
  out += p.bold(fmt::format("Ranked options ({})", report.ranked.size())) + "\n";
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    const std::string verdict = r.verdict == Verdict::eligible ? p.green(verdict_words(r.verdict)) : p.yellow(verdict_words(r.verdict));
    out += fmt::format("  {:>2}. {}  score {}  {}\n", r.rank, option_title(*r.evaluation), util::format_number(r.evaluation->score), verdict);
    out += fmt::format("      {}\n", factor_line(*r.evaluation));
    for (const auto* c : r.conditions) out += fmt::format("      - {}\n", finding_line(*c));
    for (const auto* n : r.notes) out += p.dim(fmt::format("      - note: {}", n->message)) + "\n";
  }
  if (report.ranked.size() > options.ranked_limit)
    out += p.dim(fmt::format("  (+{} more; --format json lists all)", report.ranked.size() - options.ranked_limit)) + "\n";
}

void append_excluded(std::string& out, const Report& report, const RenderOptions& options, const Painter& p) {
  if (report.excluded.empty()) return;
  out += "\n" + p.bold(fmt::format("Excluded ({}), closest first", report.excluded.size())) + "\n";
  for (std::size_t i = 0; i < report.excluded.size() && i < options.excluded_limit; ++i) {
    const Evaluation& e = *report.excluded[i].evaluation;
    out += fmt::format("  {} {}\n", p.red("x"), option_title(e));
    for (const auto& f : e.exclusions) out += fmt::format("      - {}\n", finding_line(f));
  }
  if (report.excluded.size() > options.excluded_limit)
    out += p.dim(fmt::format("  (+{} more; --explain ID or --format json for all)", report.excluded.size() - options.excluded_limit)) + "\n";
}

void append_near_misses(std::string& out, const Report& report, const Painter& p) {
  if (report.excluded.empty()) return;
  out += "\n" + p.bold("What would make the closest excluded options eligible") + "\n";
  if (report.near_misses.empty()) out += "  " + std::string(kNoRelaxation) + "\n";
  for (const auto& n : report.near_misses) out += fmt::format("  {}: {}\n", n.evaluation->candidate->id, near_miss_text(n));
}

void append_warnings(std::string& out, const Report& report, const Painter& p) {
  if (report.input_warnings.empty()) return;
  out += "\n" + p.bold("Input warnings") + "\n";
  for (const auto& d : report.input_warnings) out += "  " + format_diagnostic(d) + "\n";
}

}  // namespace

std::string render_text(const Report& report, const RenderOptions& options) {
  Painter p(options.color);
  std::string out = p.bold(fmt::format("edgeplan recommend: {}", report.workload)) + "\n" + report.summary + "\n\n";
  if (report.ranked.empty()) {
    out += p.red("No feasible placement.") + "\n";
  } else {
    out += p.bold("Recommendation: ") + p.green(option_title(*report.ranked[0].evaluation)) + "\n";
    for (const auto& line : report.winner_rationale) out += "  " + line + "\n";
  }
  out += "\n";
  if (!report.ranked.empty()) append_ranked(out, report, options, p);
  append_excluded(out, report, options, p);
  append_near_misses(out, report, p);
  append_warnings(out, report, p);
  out += "\n" + p.dim(provenance_line(report.provenance)) + "\n";
  return out;
}

std::string render_explanation_text(const Report& report, const Evaluation& e, const RenderOptions& options) {
  Painter p(options.color);
  std::string out = p.bold(fmt::format("edgeplan explain: {} for {}", e.candidate->id, report.workload)) + "\n";
  out += option_title(e) + "\n";
  std::string status = e.excluded() ? p.red("excluded") : p.green("eligible");
  for (const auto& r : report.ranked)
    if (r.evaluation == &e) status = p.green(fmt::format("rank {} of {}, {}", r.rank, report.ranked.size(), verdict_words(r.verdict)));
  out += fmt::format("status: {} · score {}\n", status, util::format_number(e.score));
  out += fmt::format("factors: {}\n", factor_line(e));
  std::vector<std::string> weights;
  for (const auto& [factor, w] : report.weights) weights.push_back(fmt::format("{} {}", factor, util::format_number(w)));
  out += fmt::format("weights: {}\n", util::join_list(weights, " · "));
  if (!e.exclusions.empty()) {
    out += "\n" + p.bold("Why it is excluded") + "\n";
    for (const auto& f : e.exclusions) out += "  - " + finding_line(f) + "\n";
    out += "  " + relaxation_line(report, e) + "\n";
  }
  if (!e.warnings.empty()) {
    out += "\n" + p.bold("Conditions and notes") + "\n";
    for (const auto& f : e.warnings) out += "  - " + finding_line(f) + "\n";
  }
  out += "\n" + p.bold("Rules") + "\n";
  for (const auto& t : e.trace) out += fmt::format("  {:<44} {:<8} {}{}\n", t.rule, t.effect, t.outcome, t.detail.empty() ? "" : ": " + t.detail);
  if (auto terms = latency_term_lines(e); !terms.empty()) {
    out += "\n" + p.bold("Latency terms (ms, typical values)") + "\n";
    for (const auto& line : terms) out += "  - " + line + "\n";
  }
  out += "\n" + p.bold("Facts") + "\n" + e.facts.dump(2) + "\n";
  out += "\n" + p.dim(provenance_line(report.provenance)) + "\n";
  return out;
}

}  // namespace edgeplan
