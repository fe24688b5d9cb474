// HTML: one self-contained page per result (recommend, check, batch summaries)
// — inline CSS, the map as inline SVG, one small inline script allowed by its
// hash; a Content-Security-Policy forbids every request, so the page opens
// offline and cannot leak. All user text goes through html_text.
#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>

#include "render/escape.hpp"
#include "render/map/svg_map.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::html {

namespace {

std::string h(const std::string& text) { return html_text(text); }

// Sorting on a click of a column head and the filter box above a table: the
// tables read the same without it (the filter box stays hidden).
constexpr std::string_view kScript =
    "document.querySelectorAll('table.sortable').forEach(function (t) {\n"
    "  var body = t.tBodies[0], box = t.previousElementSibling;\n"
    "  if (box && box.classList.contains('filter')) {\n"
    "    box.hidden = false;\n"
    "    box.addEventListener('input', function () {\n"
    "      var q = box.value.toLowerCase();\n"
    "      Array.prototype.forEach.call(body.rows, function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });\n"
    "    });\n"
    "  }\n"
    "  Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, i) {\n"
    "    th.tabIndex = 0;\n"
    "    th.title = 'sort';\n"
    "    th.addEventListener('click', function () {\n"
    "      var up = th.getAttribute('aria-sort') !== 'ascending', num = th.classList.contains('num');\n"
    "      var rows = Array.prototype.slice.call(body.rows);\n"
    "      rows.sort(function (a, b) {\n"
    "        var x = a.cells[i].textContent, y = b.cells[i].textContent;\n"
    "        var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);\n"
    "        return up ? c : -c;\n"
    "      });\n"
    "      Array.prototype.forEach.call(t.tHead.rows[0].cells, function (o) { o.removeAttribute('aria-sort'); });\n"
    "      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');\n"
    "      rows.forEach(function (r) { body.appendChild(r); });\n"
    "    });\n"
    "  });\n"
    "});\n";

constexpr std::string_view kStyle =
    "body{margin:0;font-family:system-ui,'DejaVu Sans',sans-serif;font-size:14px;color:#1a1a1a;background:#ffffff}\n"
    "svg.map{display:block}\n"
    "main{padding:8px 16px 24px;max-width:1200px}\n"
    "h1{font-size:22px;margin:12px 0 4px}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #dddddd}\n"
    "h3{font-size:15px;margin:16px 0 6px}\n"
    "code{font-family:'DejaVu Sans Mono',monospace;font-size:13px;background:#f3f3f3;padding:0 3px}\n"
    "table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #dddddd;padding:3px 7px;text-align:left;vertical-align:top}\n"
    "th{background:#f3f3f3}th[tabindex]{cursor:pointer}td.num,th.num{text-align:right}\n"
    "tr.winner td{background:#e6f1f8}\n"
    ".badge{display:inline-block;padding:0 6px;border-radius:3px;color:#ffffff;font-weight:bold}\n"
    ".pass{background:#009E73}.fail{background:#D55E00}.error{background:#000000}.waived{background:#999999}\n"
    ".fragile{color:#D55E00;font-weight:bold}.sensitive{color:#9a6a00;font-weight:bold}.robust{color:#006b4f;font-weight:bold}\n"
    ".muted{color:#555555}footer{margin-top:24px;font-size:12px;color:#555555}\n"
    "svg.bar{vertical-align:middle;margin-right:4px}td code{white-space:nowrap}\n"
    "input.filter{margin:6px 0;padding:3px 6px;width:260px}\n"
    "@media print{svg.map{width:100%;height:auto}main{max-width:none}"
    "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}input.filter{display:none}h2{break-after:avoid}}\n";

// The page around `body`: the policy first in <head>, before anything it governs.
std::string page(const std::string& title, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; "
      "img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>{}<script>{}</script>\n</body>\n</html>\n",
      util::sha256_base64(kScript), h(title), kStyle, body, kScript);
}

std::string list(const std::vector<std::string>& lines) {
  if (lines.empty()) return "";
  std::string out = "<ul>\n";
  for (const auto& line : lines) out += "<li>" + h(line) + "</li>\n";
  return out + "</ul>\n";
}

std::string code(const std::string& text) { return "<code>" + h(text) + "</code>"; }

// A 0-100 score as a bar and its number.
std::string bar(double score) {
  const double width = std::clamp(score, 0.0, 100.0) * 0.6;
  return fmt::format("<svg class=\"bar\" width=\"60\" height=\"9\" aria-hidden=\"true\"><rect width=\"60\" height=\"9\" fill=\"#e4e4e4\"/>"
                     "<rect width=\"{}\" height=\"9\" fill=\"#0072B2\"/></svg>{}",
                     map::number(width), util::format_number(score));
}

std::string footer(const Provenance& p) {
  return fmt::format("<footer>{}<br>catalog sha256:{} · rules sha256:{}</footer>\n", h(provenance_line(p)), h(p.catalog_digest), h(p.rules_digest));
}

// ---------------------------------------------------------------- recommend

std::string confidence_html(const Robustness& r) {
  return fmt::format("<p>Confidence: <span class=\"{}\">{}</span></p>\n", to_string(r.label), h(confidence_line(r)));
}

std::string ranked_table(const Report& report, const RenderOptions& options) {
  std::string out = fmt::format("<h2 id=\"ranked\">Ranked options ({})</h2>\n<table class=\"sortable\">\n<thead><tr><th class=\"num\">#</th><th>option</th>"
                                "<th>kind</th><th class=\"num\">score</th><th>verdict</th><th>latency budgets</th>",
                                report.ranked.size());
  for (const auto& [factor, weight] : report.weights) out += fmt::format("<th class=\"num\">{} ({})</th>", h(factor), util::format_number(weight));
  out += "<th>conditions</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < report.ranked.size() && i < options.ranked_limit; ++i) {
    const RankedOption& r = report.ranked[i];
    const Evaluation& e = *r.evaluation;
    const LatencyOutlook* o = latency_outlook_of(report, i);
    out += fmt::format("<tr{}><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td>", i == 0 ? " class=\"winner\"" : "",
                       r.rank, code(e.candidate->id), h(to_string(e.candidate->kind)), util::format_number(e.score), h(verdict_words(r.verdict)),
                       o ? h(latency_band_cell(*o)) : "");
    for (const auto& [factor, weight] : report.weights) {
      const auto it = e.factor_scores.find(factor);
      out += "<td class=\"num\">" + (it == e.factor_scores.end() ? std::string() : bar(it->second)) + "</td>";
    }
    std::vector<std::string> conditions;
    for (const auto* c : r.conditions) conditions.push_back(finding_line(*c));
    out += "<td>" + h(util::join_list(conditions, "; ")) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (report.ranked.size() > options.ranked_limit)
    out += fmt::format("<p class=\"muted\">{} more eligible options in the JSON output.</p>\n", report.ranked.size() - options.ranked_limit);
  return out;
}

// The excluded options by reason: the count, and the options themselves folded.
std::string excluded_section(const Report& report) {
  if (report.excluded.empty()) return "";
  std::string out = fmt::format("<h2 id=\"excluded\">Excluded ({}), by reason</h2>\n<table>\n<thead><tr><th>reason</th><th class=\"num\">options</th>"
                                "<th>which, and why</th></tr></thead>\n<tbody>\n",
                                report.excluded.size());
  for (const auto& count : report.exclusion_counts) {
    std::string items;
    for (const auto& x : report.excluded) {
      const Finding& first = x.evaluation->exclusions.front();
      if (first.summary == count.label) items += "<li>" + code(x.evaluation->candidate->id) + ": " + h(first.message) + "</li>\n";
    }
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td><details><summary>{} option{}</summary><ul>\n{}</ul></details></td></tr>\n",
                       h(count.label), count.count, count.count, count.count == 1 ? "" : "s", items);
  }
  return out + "</tbody>\n</table>\n";
}

std::string report_body(const Report& report, const RenderOptions& options) {
  std::string out = "<main>\n";
  out += fmt::format("<h1>Placement recommendation: {}</h1>\n<p><strong>{}</strong></p>\n", h(report.workload), h(report.summary));
  if (report.ranked.empty()) {
    out += "<h2 id=\"recommendation\">No feasible placement</h2>\n";
  } else {
    const RankedOption& top = report.ranked.front();
    const Evaluation& winner = *top.evaluation;
    out += fmt::format("<h2 id=\"recommendation\">Recommendation: {}</h2>\n<p>{}</p>\n", code(winner.candidate->id), h(option_title(winner)));
    out += list(report.winner_rationale);
    if (report.robustness) out += confidence_html(*report.robustness);
    std::vector<std::string> conditions;
    for (const auto* c : top.conditions) conditions.push_back(finding_line(*c));
    if (!conditions.empty()) out += "<h3>Conditions to verify or arrange</h3>\n" + list(conditions);
  }
  if (report.fallback) {
    out += fmt::format("<h2 id=\"fallback\">Fallback ({}): {}</h2>\n", h(report.fallback->requirement), h(fallback_headline(*report.fallback)));
    out += list(fallback_lines(*report.fallback));
  }
  if (!report.ranked.empty()) out += ranked_table(report, options);
  out += excluded_section(report);
  if (!report.excluded.empty()) {
    out += "<h2 id=\"near-misses\">What would make the closest excluded options eligible</h2>\n";
    std::vector<std::string> lines;
    for (const auto& n : report.near_misses) lines.push_back(n.evaluation->candidate->id + ": " + near_miss_text(n));
    out += lines.empty() ? "<p>" + h(kNoRelaxation) + "</p>\n" : list(lines);
  }
  if (!report.input_warnings.empty()) {
    std::vector<std::string> lines;
    for (const auto& d : report.input_warnings) lines.push_back(format_diagnostic(d));
    out += "<h2 id=\"warnings\">Input warnings</h2>\n" + list(lines);
  }
  return out + footer(report.provenance) + "</main>\n";
}

// ---------------------------------------------------------------- check

std::string status_badge(const SpecCheck& s) {
  if (s.errored()) return "<span class=\"badge error\">error</span>";
  if (!s.passed()) return "<span class=\"badge fail\">fail</span>";
  const bool waived = std::any_of(s.findings.begin(), s.findings.end(), [](const CheckFinding& f) { return f.suppressed(); });
  return waived ? "<span class=\"badge waived\">pass (waived)</span>" : "<span class=\"badge pass\">pass</span>";
}

// A link to the spec, relative as the run named it: opens where the page sits beside the specs.
// A path whose first segment holds ':' would read as a scheme ("javascript:…"): "./" keeps it a path.
std::string spec_link(const std::string& file, const std::string& text) {
  const bool scheme_like = file.substr(0, file.find('/')).find(':') != std::string::npos;
  return fmt::format("<a href=\"{}{}\">{}</a>", scheme_like ? "./" : "", h(file), h(text));
}

std::string findings_table(const SpecCheck& s) {
  if (s.findings.empty()) return "<p class=\"muted\">No findings.</p>\n";
  std::string out = "<table>\n<thead><tr><th>severity</th><th>rule</th><th>finding</th><th>where</th></tr></thead>\n<tbody>\n";
  for (const auto& f : s.findings) {
    const std::string severity = f.suppressed() ? f.severity + " (waived)" : f.blocking ? f.severity + " (blocking)" : f.severity;
    std::string message = h(f.message);
    if (f.suppressed()) message += "<br><span class=\"muted\">" + h(waiver_text(*f.waiver)) + "</span>";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", h(severity), code(f.rule), message,
                       f.line > 0 ? spec_link(s.file, location_text(s.file, f)) : h(f.pointer));
  }
  return out + "</tbody>\n</table>\n";
}

std::string spec_section(const SpecCheck& s, std::size_t index) {
  std::string out = fmt::format("<section id=\"spec-{}\">\n<h2>{} {} — {}</h2>\n", index + 1, status_badge(s), spec_link(s.file, s.file),
                                s.workload.empty() ? "(unreadable)" : h(s.workload));
  if (!s.errored()) out += "<p>" + h(spec_headline(s)) + "</p>\n";
  for (const auto& e : s.errors) out += "<p>" + code(format_diagnostic(e)) + "</p>\n";
  if (s.map) {
    MapStyle style;
    style.size = {640, 360};
    style.inset = false;
    style.id_prefix = fmt::format("s{}-", index + 1);
    out += placement_svg(*s.map, style);
  }
  if (!s.errored()) out += findings_table(s);
  return out + "</section>\n";
}

std::string check_body(const CheckRun& run) {
  std::string out = "<main>\n";
  const int blocked = run.failed() + run.errored();
  out += blocked == 0 ? fmt::format("<h1>edgeplan check: {} spec{} pass</h1>\n", run.specs.size(), run.specs.size() == 1 ? "" : "s")
                      : fmt::format("<h1>edgeplan check: {} of {} specs blocked</h1>\n", blocked, run.specs.size());
  out += "<p>" + h(check_summary_line(run)) + "</p>\n";
  out += "<input class=\"filter\" type=\"search\" placeholder=\"filter specs\" aria-label=\"filter specs\" hidden>\n"
         "<table class=\"sortable\">\n<thead><tr><th>status</th><th>spec</th><th>workload</th><th>proposed</th><th>recommended</th>"
         "<th class=\"num\">errors</th><th class=\"num\">warnings</th><th class=\"num\">waived</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < run.specs.size(); ++i) {
    const SpecCheck& s = run.specs[i];
    const int waived = s.count("error", true) + s.count("warning", true) + s.count("info", true);
    out += fmt::format("<tr><td>{}</td><td><a href=\"#spec-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       status_badge(s), i + 1, h(s.file), h(s.workload), s.proposed ? code(*s.proposed) : "", s.top_option.empty() ? "" : code(s.top_option),
                       s.count("error", false), s.count("warning", false), waived);
  }
  out += "</tbody>\n</table>\n";
  for (std::size_t i = 0; i < run.specs.size(); ++i) out += spec_section(run.specs[i], i);
  return out + footer(run.provenance) + "</main>\n";
}

// ---------------------------------------------------------------- batch

std::string table_html(const Table& t) {
  std::string out = fmt::format("<h2>{}</h2>\n", h(t.title));
  out += "<input class=\"filter\" type=\"search\" placeholder=\"filter\" aria-label=\"filter " + h(t.title) + "\" hidden>\n";
  out += "<table class=\"sortable\">\n<thead><tr>";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out += fmt::format("<th{}>{}</th>", i < t.numeric.size() && t.numeric[i] ? " class=\"num\"" : "", h(t.columns[i]));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) out += fmt::format("<td{}>{}</td>", i < t.numeric.size() && t.numeric[i] ? " class=\"num\"" : "", h(row[i]));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!t.note.empty()) out += "<p class=\"muted\">" + h(t.note) + "</p>\n";
  return out;
}

}  // namespace

std::string report(const Report& report, const RenderOptions& options) {
  const std::string winner = report.feasible() ? report.ranked.front().evaluation->candidate->id : "no feasible placement";
  return page("edgeplan: " + report.workload + " — " + winner, placement_svg(placement_map(report), MapStyle{}) + report_body(report, options));
}

std::string check(const CheckRun& run, const RenderOptions&) {
  const int blocked = run.failed() + run.errored();
  const std::string title = blocked == 0 ? fmt::format("edgeplan check: {} specs pass", run.specs.size())
                                         : fmt::format("edgeplan check: {} of {} specs blocked", blocked, run.specs.size());
  return page(title, check_body(run));
}

std::string portfolio(const PortfolioSummary& summary, const RenderOptions&) {
  const Portfolio& p = summary.portfolio;
  std::string body = portfolio_svg(p.sites(), p.workloads(), MapStyle{});
  body += "<main>\n<h1>Portfolio placement summary</h1>\n";
  body += "<p>Inputs: " + h(inputs_text(summary.info, false)) + "</p>\n<p><strong>" + h(portfolio_headline(p)) + ".</strong></p>\n";
  for (const auto& t : portfolio_tables(p, summary.info.top)) body += table_html(t);
  if (summary.baseline) {
    body += fmt::format("<h2>Since the baseline</h2>\n<p>{}: {}.</p>\n", code(summary.baseline->before_file), h(diff_headline(*summary.baseline)));
    for (const auto& t : batch_diff_tables(*summary.baseline, "Moved since the baseline")) body += table_html(t);
  }
  body += "</main>\n";
  return page(fmt::format("edgeplan: portfolio of {} workloads", p.workloads()), body);
}

}  // namespace edgeplan::render_detail::html

namespace edgeplan::render_detail::svg {

std::string report(const Report& report, const RenderOptions&) {
  MapStyle style;
  style.standalone = true;
  return placement_svg(placement_map(report), style);
}

}  // namespace edgeplan::render_detail::svg
