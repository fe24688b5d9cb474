// Markdown: every result `--format markdown` prints (PR comments, job
// summaries, reports). User text goes through markdown_text, code spans through
// markdown_code: a name cannot add a heading, a row or a link of its own.
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::markdown {

namespace {

// ---------------------------------------------------------------- recommendations

void append_ranked(std::string& out, const Report& report, const RenderOptions& options) {
  // A cost column only when prices were given (recommend --prices).
  const bool costed = std::any_of(report.ranked.begin(), report.ranked.end(), [](const RankedOption& r) { return r.cost.has_value(); });
  out += fmt::format("\n## Ranked options ({})\n\n| # | option | kind | score | verdict | latency budgets |{} conditions |\n|---|---|---|---|---|---|{}---|\n",
                     report.ranked.size(), costed ? " cost |" : "", costed ? "---|" : "");
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    std::vector<std::string> conditions;
    for (const auto* c : r.conditions) conditions.push_back(markdown_text(finding_line(*c)));
    const LatencyOutlook* o = latency_outlook_of(report, i);
    const std::string cost = costed ? " " + (r.cost ? markdown_text(cost_summary(*r.cost)) : std::string()) + " |" : "";
    out += fmt::format("| {} | {} | {} | {} | {} | {} |{} {} |\n", r.rank, markdown_code(r.evaluation->candidate->id),
                       markdown_text(r.evaluation->option["kind"].get<std::string>()), util::format_number(r.evaluation->score),
                       verdict_words(r.verdict), o ? markdown_text(latency_band_cell(*o)) : "", cost, util::join_list(conditions, "; "));
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
    for (const auto& f : e.exclusions) reasons.push_back(markdown_text(f.message) + " (" + markdown_code(f.rule) + ")");
    out += fmt::format("| {} | {} | {} |\n", markdown_code(e.candidate->id), markdown_text(e.option["kind"].get<std::string>()),
                       util::join_list(reasons, "<br>"));
  }
  if (report.excluded.size() > options.excluded_limit)
    out += fmt::format("\n_{} more excluded options in the JSON output._\n", report.excluded.size() - options.excluded_limit);
}

// "edgeplan: error: FILE:L:C (POINTER): MESSAGE" as a code span, its hint after it.
std::string diagnostic_item(const Diagnostic& d) {
  std::string out = markdown_code(diagnostic_lead(d.severity) + located_message(d));
  if (!d.hint.empty()) out += " — hint: " + markdown_text(d.hint);
  return out;
}

void append_outlook_md(std::string& out, const Explanation& x) {
  const OptionOutlook& o = x.outlook;
  if (o.winner && x.report.robustness) {
    out += "\n## How sure the recommendation is\n\n";
    for (const auto& line : robustness_lines(*x.report.robustness)) out += "- " + markdown_text(line) + "\n";
  } else if (!x.option.excluded()) {
    out += "\n## What would make it the winner\n\n";
    for (const auto& line : to_win_lines(o)) out += "- " + markdown_text(line) + "\n";
  }
  if (o.latency.checks.empty()) return;
  out += "\n## Latency across the model's range\n\n" + markdown_text(latency_band_text(o.latency)) + "\n\n";
  for (const auto& line : latency_check_lines(o.latency)) out += "- " + markdown_text(line) + "\n";
}

// ---------------------------------------------------------------- check runs

std::string md_status(const SpecCheck& s) {
  if (s.errored()) return "⛔ error";
  return s.passed() ? "✅ pass" : "❌ fail";
}

std::string md_result(const SpecCheck& s) {
  if (s.errored()) return markdown_text(s.errors.front().message);
  std::vector<std::string> parts;
  for (const char* severity : {"error", "warning", "info"})
    if (int n = s.count(severity, false)) parts.push_back(fmt::format("{} {}{}", n, severity, n == 1 ? "" : "s"));
  if (int n = s.count("error", true) + s.count("warning", true) + s.count("info", true)) parts.push_back(fmt::format("{} waived", n));
  return parts.empty() ? "no findings" : util::join_list(parts);
}

std::string md_proposed(const SpecCheck& s) {
  if (!s.proposed) return s.top_option.empty() ? "— (none feasible)" : fmt::format("— (top: {})", markdown_code(s.top_option));
  std::string out = markdown_code(*s.proposed);
  if (s.proposed_rank) out += fmt::format(" rank {} of {}", *s.proposed_rank, s.eligible);
  else if (s.errors.empty()) out += " excluded";
  return out;
}

void append_findings_md(std::string& out, const SpecCheck& s, bool suppressed) {
  out += "| severity | rule | finding | line |\n|---|---|---|---|\n";
  for (const auto& f : s.findings)
    if (f.suppressed() == suppressed)
      out += fmt::format("| {} | {} | {}{} | {} |\n", f.blocking ? "**" + markdown_text(f.severity) + "**" : markdown_text(f.severity),
                         markdown_code(f.rule), markdown_text(f.message), suppressed ? " — " + markdown_text(waiver_text(*f.waiver)) : "",
                         f.line > 0 ? std::to_string(f.line) : "");
}

void append_spec_md(std::string& out, const SpecCheck& s) {
  const int open = static_cast<int>(std::count_if(s.findings.begin(), s.findings.end(), [](const CheckFinding& f) { return !f.suppressed(); }));
  const int waived = static_cast<int>(s.findings.size()) - open;
  if (s.errors.empty() && s.findings.empty()) return;
  out += fmt::format("\n### {} {} — {}\n\n", md_status(s), markdown_code(s.file), s.workload.empty() ? "(unreadable)" : markdown_text(s.workload));
  for (const auto& e : s.errors) out += "- " + diagnostic_item(e) + "\n";
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
    for (const auto& cell : row) out += " " + markdown_text(cell) + " |";
    out += "\n";
  }
  if (!t.note.empty()) out += "\n" + t.note + "\n";
  return out + "\n";
}

std::string batch_diff_md(const PlacementDiff& d, const std::string& moved_title);  // below, with the diff

}  // namespace

std::string report(const Report& report, const RenderOptions& options) {
  std::string out = fmt::format("# Placement recommendation: {}\n\n**{}**\n", markdown_text(report.workload), markdown_text(report.summary));
  if (report.ranked.empty()) {
    out += "\n**No feasible placement.**\n";
  } else {
    const Evaluation& winner = *report.ranked[0].evaluation;
    out += fmt::format("\n## Recommendation: {}\n\n{}\n\n", markdown_code(winner.candidate->id), markdown_text(option_title(winner)));
    for (const auto& line : report.winner_rationale) out += "- " + markdown_text(line) + "\n";
    if (report.robustness) out += "- **Confidence: " + markdown_text(confidence_line(*report.robustness)) + "**\n";
  }
  if (report.fallback) {
    out += fmt::format("\n## Fallback ({}): {}\n\n", report.fallback->requirement, markdown_text(fallback_headline(*report.fallback)));
    for (const auto& line : fallback_lines(*report.fallback)) out += "- " + markdown_text(line) + "\n";
  }
  if (!report.ranked.empty()) {
    append_ranked(out, report, options);
  }
  append_excluded(out, report, options);
  if (!report.excluded.empty()) {
    out += "\n## What would make the closest excluded options eligible\n\n";
    if (report.near_misses.empty()) out += std::string(kNoRelaxation) + "\n";
    for (const auto& n : report.near_misses)
      out += fmt::format("- {}: {}\n", markdown_code(n.evaluation->candidate->id), markdown_text(near_miss_text(n)));
  }
  if (!report.input_warnings.empty()) {
    out += "\n## Input warnings\n\n";
    for (const auto& d : report.input_warnings) out += "- " + diagnostic_item(d) + "\n";
  }
  out += "\n---\n_" + markdown_text(provenance_line(report.provenance)) + "_\n";
  return out;
}

std::string explanation(const Explanation& x, const RenderOptions&) {
  const Report& report = x.report;
  const Evaluation& e = x.option;
  std::string out = fmt::format("# {} for {}\n\n{}\n\n- score: {}\n- factors: {}\n", markdown_text(e.candidate->id), markdown_text(report.workload),
                                markdown_text(option_title(e)), util::format_number(e.score), markdown_text(factor_line(e)));
  out += e.excluded() ? "- status: excluded\n" : "- status: eligible\n";
  if (!e.exclusions.empty()) {
    out += "\n## Why it is excluded\n\n";
    for (const auto& f : e.exclusions) out += "- " + markdown_text(finding_line(f)) + "\n";
    out += "\n" + markdown_text(relaxation_line(report, e)) + "\n";
  }
  if (!e.warnings.empty()) {
    out += "\n## Conditions and notes\n\n";
    for (const auto& f : e.warnings) out += "- " + markdown_text(finding_line(f)) + "\n";
  }
  if (auto cost = cost_lines(report, e); !cost.empty()) {
    out += "\n## Cost\n\n";
    for (const auto& line : cost) out += "- " + markdown_text(line) + "\n";
  }
  out += "\n## Rules\n\n| rule | effect | outcome |\n|---|---|---|\n";
  for (const auto& t : e.trace)
    out += fmt::format("| {} | {} | {} |\n", markdown_code(t.rule), t.effect, markdown_text(t.outcome + (t.detail.empty() ? "" : ": " + t.detail)));
  append_outlook_md(out, x);
  if (auto sources = fact_source_lines(e); !sources.empty()) {
    out += "\n## Where the site facts come from\n\n";
    for (const auto& line : sources) out += "- " + markdown_text(line) + "\n";
  }
  if (auto terms = latency_term_lines(e); !terms.empty()) {
    out += "\n## Latency terms (ms, typical values)\n\n";
    for (const auto& line : terms) out += "- " + markdown_text(line) + "\n";
  }
  out += "\n## Facts\n\n```json\n" + dump_json(e.facts, 2) + "\n```\n";
  out += "\n---\n_" + markdown_text(provenance_line(report.provenance)) + "_\n";
  return out;
}

std::string capacity(const CapacityReport& report, const RenderOptions&) { return capacity_document(report, true); }
std::string cost(const CostReport& report, const RenderOptions&) { return cost_document(report, true); }

std::string check(const CheckRun& run, const RenderOptions&) {
  const int blocked = run.failed() + run.errored();
  std::string out = blocked == 0 ? fmt::format("## ✅ edgeplan check: {} spec{} pass\n\n", run.specs.size(), run.specs.size() == 1 ? "" : "s")
                                 : fmt::format("## ❌ edgeplan check: {} of {} specs blocked\n\n", blocked, run.specs.size());
  out += "| | spec | workload | proposed | findings |\n|---|---|---|---|---|\n";
  for (const auto& s : run.specs)
    out += fmt::format("| {} | {} | {} | {} | {} |\n", md_status(s), markdown_code(s.file), markdown_text(s.workload), md_proposed(s), md_result(s));
  for (const auto& s : run.specs) append_spec_md(out, s);
  out += fmt::format("\n<sub>{} · {}</sub>\n", markdown_text(check_summary_line(run)), markdown_text(provenance_line(run.provenance)));
  return out;
}

std::string portfolio(const PortfolioSummary& summary, const RenderOptions&) {
  const Portfolio& p = summary.portfolio;
  const PortfolioInfo& info = summary.info;
  std::string out = fmt::format("# Portfolio placement summary\n\nInputs: {}\n\n{}.\n\n", inputs_text(info, true), portfolio_headline(p));
  for (const auto& t : portfolio_tables(p, info.top)) out += markdown_table(t);
  if (summary.baseline)
    out += fmt::format("## Since the baseline\n\n{}: {}.\n\n", markdown_code(summary.baseline->before_file), markdown_text(diff_headline(*summary.baseline))) +
           batch_diff_md(*summary.baseline, "Moved since the baseline");
  out.pop_back();  // one newline at the end
  return out;
}

namespace {

// "`aws-default` 2026.11.26 (2026-11-26, sha256:0123456789ab)"
std::string md_catalog(const CatalogInfo& info) {
  return fmt::format("{} {} ({}, sha256:{})", markdown_code(info.name), markdown_text(info.version), markdown_text(info.date.empty() ? "undated" : info.date),
                     util::short_digest(info.digest));
}

std::string source_marker(SourceNumbers& sources, const std::string& source) {
  const std::size_t n = sources.number(source);
  return n ? fmt::format("[{}]", n) : "";
}

// One row per changed fact; an added or removed entry is one row (the JSON lists its facts).
void append_change_rows(std::string& out, const CatalogChange& c, SourceNumbers& sources) {
  const std::string entry = fmt::format("{} ({})", markdown_code(c.id), c.kind);
  if (c.change != "changed") {
    out += fmt::format("| {} | {} | | | | |\n", c.change, entry);
    return;
  }
  for (const auto& f : c.facts)
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", c.change, entry, markdown_code(f.name), markdown_text(fact_value_text(f.before)),
                       markdown_text(fact_value_text(f.after)), source_marker(sources, f.source_after));
}

}  // namespace

std::string catalog_diff(const CatalogDiff& diff, const RenderOptions&) {
  std::string out = fmt::format("## Catalog changes\n\n{} → {}: **{}**\n", md_catalog(diff.before), md_catalog(diff.after), diff_counts(diff));
  if (diff.changes.empty()) return out;
  out += "\n| change | entry | fact | before | after | source |\n|---|---|---|---|---|---|\n";
  SourceNumbers sources;
  for (const auto& c : diff.changes) append_change_rows(out, c, sources);
  if (!sources.sources().empty()) out += "\nSources:\n\n";
  for (std::size_t i = 0; i < sources.sources().size(); ++i) out += fmt::format("{}. {}\n", i + 1, markdown_text(sources.sources()[i]));
  return out;
}

namespace {

std::string md_bullets(const std::string& title, const std::vector<std::string>& lines) {
  std::string out = "\n## " + title + "\n\n";
  for (const auto& line : lines) out += "- " + markdown_text(line) + "\n";
  return out;
}

std::string report_diff_md(const PlacementDiff& d) {
  const WorkloadDiff& w = d.workloads.front();
  std::string out = md_bullets("What changed in the inputs", input_change_lines(w.inputs));
  if (auto hint = catalog_diff_hint(w.inputs); !hint.empty()) out += "- the site facts that changed: " + markdown_code(hint) + "\n";
  std::vector<std::string> evidence;
  for (const auto& e : w.evidence) evidence.push_back(evidence_words(e, w.inputs));
  if (!evidence.empty()) out += md_bullets("Evidence", evidence);
  if (!w.options.empty()) out += "\n" + markdown_table(options_table(w));
  return out;
}

std::string batch_diff_md(const PlacementDiff& d, const std::string& moved_title) {
  std::string out;
  for (const auto& t : batch_diff_tables(d, moved_title)) out += markdown_table(t);
  return out;
}

// One newline at the end, whatever the last part ended with.
std::string one_newline(std::string out) {
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace

std::string placement_diff(const PlacementDiff& d, const RenderOptions&) {
  const bool report = d.kind == RecordKind::report;
  std::string out = report ? "# Placement diff: " + markdown_text(d.workloads.front().workload) + "\n\n" : std::string("# Placement diff\n\n");
  out += fmt::format("{} → {}: **{}**\n", markdown_code(d.before_file), markdown_code(d.after_file), markdown_text(diff_headline(d)));
  return one_newline(out + (report ? report_diff_md(d) : "\n" + batch_diff_md(d, "Moved")));
}

}  // namespace edgeplan::render_detail::markdown
