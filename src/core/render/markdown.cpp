// Markdown: every result `--format markdown` prints (PR comments, job
// summaries, reports). Table cells go through markdown_cell, nothing else.
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::markdown {

namespace {

// ---------------------------------------------------------------- recommendations

void append_ranked(std::string& out, const Report& report, const RenderOptions& options) {
  out += fmt::format("\n## Ranked options ({})\n\n| # | option | kind | score | verdict | conditions |\n|---|---|---|---|---|---|\n", report.ranked.size());
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    std::vector<std::string> conditions;
    for (const auto* c : r.conditions) conditions.push_back(finding_line(*c));
    out += fmt::format("| {} | `{}` | {} | {} | {} | {} |\n", r.rank, r.evaluation->candidate->id, r.evaluation->option["kind"].get<std::string>(),
                       util::format_number(r.evaluation->score), verdict_words(r.verdict), markdown_cell(util::join_list(conditions, "; ")));
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
    out += fmt::format("| `{}` | {} | {} |\n", e.candidate->id, e.option["kind"].get<std::string>(), markdown_cell(util::join_list(reasons, "<br>")));
  }
  if (report.excluded.size() > options.excluded_limit)
    out += fmt::format("\n_{} more excluded options in the JSON output._\n", report.excluded.size() - options.excluded_limit);
}

// ---------------------------------------------------------------- check runs

std::string md_status(const SpecCheck& s) {
  if (s.errored()) return "⛔ error";
  return s.passed() ? "✅ pass" : "❌ fail";
}

std::string md_result(const SpecCheck& s) {
  if (s.errored()) return markdown_cell(s.errors.front().message);
  std::vector<std::string> parts;
  for (const char* severity : {"error", "warning", "info"})
    if (int n = s.count(severity, false)) parts.push_back(fmt::format("{} {}{}", n, severity, n == 1 ? "" : "s"));
  if (int n = s.count("error", true) + s.count("warning", true) + s.count("info", true)) parts.push_back(fmt::format("{} waived", n));
  return parts.empty() ? "no findings" : util::join_list(parts);
}

std::string md_proposed(const SpecCheck& s) {
  if (!s.proposed) return s.top_option.empty() ? "— (none feasible)" : fmt::format("— (top: `{}`)", s.top_option);
  std::string out = fmt::format("`{}`", *s.proposed);
  if (s.proposed_rank) out += fmt::format(" rank {} of {}", *s.proposed_rank, s.eligible);
  else if (s.errors.empty()) out += " excluded";
  return out;
}

void append_findings_md(std::string& out, const SpecCheck& s, bool suppressed) {
  out += "| severity | rule | finding | line |\n|---|---|---|---|\n";
  for (const auto& f : s.findings)
    if (f.suppressed() == suppressed)
      out += fmt::format("| {} | `{}` | {}{} | {} |\n", f.blocking ? "**" + f.severity + "**" : f.severity, f.rule, markdown_cell(f.message),
                         suppressed ? " — " + markdown_cell(waiver_text(*f.waiver)) : "", f.line > 0 ? std::to_string(f.line) : "");
}

void append_spec_md(std::string& out, const SpecCheck& s) {
  const int open = static_cast<int>(std::count_if(s.findings.begin(), s.findings.end(), [](const CheckFinding& f) { return !f.suppressed(); }));
  const int waived = static_cast<int>(s.findings.size()) - open;
  if (s.errors.empty() && s.findings.empty()) return;
  out += fmt::format("\n### {} `{}` — {}\n\n", md_status(s), s.file, s.workload.empty() ? "(unreadable)" : s.workload);
  for (const auto& e : s.errors) out += fmt::format("- `{}`\n", markdown_cell(format_diagnostic(e)));
  if (open > 0) append_findings_md(out, s, false);
  if (waived > 0) {
    out += fmt::format("\n<details><summary>{} waived finding{}</summary>\n\n", waived, waived == 1 ? "" : "s");
    append_findings_md(out, s, true);
    out += "\n</details>\n";
  }
}

// ---------------------------------------------------------------- portfolios

std::string markdown_table(const Table& t) {
  std::string out = fmt::format("## {}\n\n|", t.title);
  for (const auto& c : t.columns) out += " " + c + " |";
  out += "\n|";
  for (bool numeric : t.numeric) out += numeric ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + markdown_cell(cell) + " |";
    out += "\n";
  }
  if (!t.note.empty()) out += "\n" + t.note + "\n";
  return out + "\n";
}

}  // namespace

std::string report(const Report& report, const RenderOptions& options) {
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

std::string explanation(const Explanation& x, const RenderOptions&) {
  const Report& report = x.report;
  const Evaluation& e = x.option;
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
  for (const auto& t : e.trace) out += fmt::format("| `{}` | {} | {} |\n", t.rule, t.effect, markdown_cell(t.outcome + (t.detail.empty() ? "" : ": " + t.detail)));
  if (auto terms = latency_term_lines(e); !terms.empty()) {
    out += "\n## Latency terms (ms, typical values)\n\n";
    for (const auto& line : terms) out += "- " + markdown_cell(line) + "\n";
  }
  out += "\n## Facts\n\n```json\n" + e.facts.dump(2) + "\n```\n";
  out += "\n---\n_" + provenance_line(report.provenance) + "_\n";
  return out;
}

std::string capacity(const CapacityReport& report, const RenderOptions&) { return capacity_document(report, true); }

std::string check(const CheckRun& run, const RenderOptions&) {
  const int blocked = run.failed() + run.errored();
  std::string out = blocked == 0 ? fmt::format("## ✅ edgeplan check: {} spec{} pass\n\n", run.specs.size(), run.specs.size() == 1 ? "" : "s")
                                 : fmt::format("## ❌ edgeplan check: {} of {} specs blocked\n\n", blocked, run.specs.size());
  out += "| | spec | workload | proposed | findings |\n|---|---|---|---|---|\n";
  for (const auto& s : run.specs)
    out += fmt::format("| {} | `{}` | {} | {} | {} |\n", md_status(s), s.file, markdown_cell(s.workload), md_proposed(s), md_result(s));
  for (const auto& s : run.specs) append_spec_md(out, s);
  out += fmt::format("\n<sub>{} · {}</sub>\n", markdown_cell(check_summary_line(run)), markdown_cell(provenance_line(run.provenance)));
  return out;
}

std::string portfolio(const PortfolioSummary& summary, const RenderOptions&) {
  const Portfolio& p = summary.portfolio;
  const PortfolioInfo& info = summary.info;
  std::string out = fmt::format("# Portfolio placement summary\n\nInputs: {}\n\n{}.\n\n", inputs_text(info, true), portfolio_headline(p));
  for (const auto& t : portfolio_tables(p, info.top)) out += markdown_table(t);
  out.pop_back();  // one newline at the end
  return out;
}

}  // namespace edgeplan::render_detail::markdown
