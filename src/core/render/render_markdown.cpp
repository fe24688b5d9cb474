#include <edgeplan/render.hpp>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/render_common.hpp"

namespace edgeplan {

namespace {

using namespace render_detail;

// Pipes would split a table cell.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void append_ranked(std::string& out, const Report& report, const RenderOptions& options) {
  out += fmt::format("\n## Ranked options ({})\n\n| # | option | kind | score | verdict | conditions |\n|---|---|---|---|---|---|\n", report.ranked.size());
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    std::vector<std::string> conditions;
    for (const auto* c : r.conditions) conditions.push_back(finding_line(*c));
    out += fmt::format("| {} | `{}` | {} | {} | {} | {} |\n", r.rank, r.evaluation->candidate->id, r.evaluation->option["kind"].get<std::string>(),
                       util::format_number(r.evaluation->score), verdict_words(r.verdict), cell(util::join_list(conditions, "; ")));
  }
  if (report.ranked.size() > options.ranked_limit)
    out += fmt::format("\n_{} more eligible options in the JSON output._\n", report.ranked.size() - options.ranked_limit);
}

void append_excluded(std::string& out, const Report& report, const RenderOptions& options) {
  if (report.excluded.empty()) return;
  out += fmt::format("\n## Excluded ({}), closest first\n\n| option | kind | reasons |\n|---|---|---|\n", report.excluded.size());
  for (std::size_t i = 0; i < report.excluded.size() && i < options.excluded_limit; ++i) {
    const Evaluation& e = *report.excluded[i].evaluation;
    std::vector<std::string> reasons;
    for (const auto& f : e.exclusions) reasons.push_back(f.message + " (`" + f.rule + "`)");
    out += fmt::format("| `{}` | {} | {} |\n", e.candidate->id, e.option["kind"].get<std::string>(), cell(util::join_list(reasons, "<br>")));
  }
  if (report.excluded.size() > options.excluded_limit)
    out += fmt::format("\n_{} more excluded options in the JSON output._\n", report.excluded.size() - options.excluded_limit);
}

}  // namespace

std::string render_markdown(const Report& report, const RenderOptions& options) {
  std::string out = fmt::format("# Placement recommendation: {}\n\n**{}**\n", report.workload, report.summary);
  if (report.ranked.empty()) {
    out += "\n**No feasible placement.**\n";
  } else {
    out += fmt::format("\n## Recommendation: `{}`\n\n{}\n\n", report.ranked[0].evaluation->candidate->id, option_title(*report.ranked[0].evaluation));
    for (const auto& line : report.winner_rationale) out += "- " + line + "\n";
    append_ranked(out, report, options);
  }
  append_excluded(out, report, options);
  if (!report.excluded.empty()) {
    out += "\n## What would make the closest excluded options eligible\n\n";
    if (report.near_misses.empty()) out += std::string(kNoRelaxation) + "\n";
    for (const auto& n : report.near_misses) out += fmt::format("- `{}`: {}\n", n.evaluation->candidate->id, near_miss_text(n));
  }
  if (!report.input_warnings.empty()) {
    out += "\n## Input warnings\n\n";
    for (const auto& d : report.input_warnings) out += "- " + format_diagnostic(d) + "\n";
  }
  out += "\n---\n_" + provenance_line(report.provenance) + "_\n";
  return out;
}

std::string render_explanation_markdown(const Report& report, const Evaluation& e) {
  std::string out = fmt::format("# {} for {}\n\n{}\n\n- score: {}\n- factors: {}\n", e.candidate->id, report.workload, option_title(e),
                                util::format_number(e.score), factor_line(e));
  out += e.excluded() ? "- status: excluded\n" : "- status: eligible\n";
  if (!e.exclusions.empty()) {
    out += "\n## Why it is excluded\n\n";
    for (const auto& f : e.exclusions) out += "- " + finding_line(f) + "\n";
    out += "\n" + relaxation_line(report, e) + "\n";
  }
  if (!e.warnings.empty()) {
    out += "\n## Conditions and notes\n\n";
    for (const auto& f : e.warnings) out += "- " + finding_line(f) + "\n";
  }
  out += "\n## Rules\n\n| rule | effect | outcome |\n|---|---|---|\n";
  for (const auto& t : e.trace) out += fmt::format("| `{}` | {} | {} |\n", t.rule, t.effect, cell(t.outcome + (t.detail.empty() ? "" : ": " + t.detail)));
  if (auto terms = latency_term_lines(e); !terms.empty()) {
    out += "\n## Latency terms (ms, typical values)\n\n";
    for (const auto& line : terms) out += "- " + cell(line) + "\n";
  }
  out += "\n## Facts\n\n```json\n" + e.facts.dump(2) + "\n```\n";
  out += "\n---\n_" + provenance_line(report.provenance) + "_\n";
  return out;
}

}  // namespace edgeplan
