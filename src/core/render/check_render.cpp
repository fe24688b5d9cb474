// `edgeplan check` for people: terminal text, GitHub workflow annotations and
// a Markdown PR comment. The machine formats are in check_json/sarif/junit.cpp.
#include <edgeplan/check_render.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/check_common.hpp"
#include "render/render_common.hpp"

namespace edgeplan {

namespace {

using render_detail::Painter;

const std::vector<std::pair<CheckFormat, std::string>>& format_table() {
  static const std::vector<std::pair<CheckFormat, std::string>> table = {
      {CheckFormat::text, "text"},   {CheckFormat::json, "json"},     {CheckFormat::sarif, "sarif"},
      {CheckFormat::junit, "junit"}, {CheckFormat::github, "github"}, {CheckFormat::markdown, "markdown"}};
  return table;
}

// ---- text ----

std::string status_word(const SpecCheck& s, const Painter& p) {
  if (s.errored()) return p.red("ERROR");
  return s.passed() ? p.green("PASS ") : p.red("FAIL ");
}

std::string finding_label(const CheckFinding& f, const Painter& p) {
  if (f.suppressed()) return p.dim(fmt::format("{:<8}", "waived"));
  const std::string label = fmt::format("{:<8}", f.severity);
  if (f.blocking) return p.red(label);
  return f.severity == "warning" ? p.yellow(label) : p.dim(label);
}

void append_spec_text(std::string& out, const SpecCheck& s, const Painter& p) {
  out += fmt::format("{} {}  {}\n", status_word(s, p), p.bold(s.file), check_detail::spec_headline(s));
  for (const auto& e : s.errors) out += "      " + format_diagnostic(e) + "\n";
  for (const auto& f : s.findings) {
    out += fmt::format("      {} {}  {}\n", finding_label(f, p), f.rule, p.dim(check_detail::location_text(s.file, f)));
    out += fmt::format("               {}\n", f.message);
    if (f.suppressed())
      out += fmt::format("               {}\n", p.dim(check_detail::waiver_text(*f.waiver)));
  }
}

std::string render_text(const CheckRun& run, bool color) {
  const Painter p(color);
  std::string out;
  for (const auto& s : run.specs) append_spec_text(out, s, p);
  if (!run.specs.empty()) out += "\n";
  out += check_detail::summary_line(run) + "\n";
  return out;
}

// ---- GitHub workflow commands ----

// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
std::string escape_data(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string annotation(const char* command, const std::string& file, int line, int column, const std::string& title, const std::string& message) {
  std::string props = "file=" + escape_property(file);
  if (line > 0) props += fmt::format(",line={},col={}", line, column);
  props += ",title=" + escape_property(title);
  return fmt::format("::{} {}::{}\n", command, props, escape_data(message));
}

const char* github_command(const CheckFinding& f) {
  if (f.blocking || f.severity == "error") return "error";
  return f.severity == "warning" ? "warning" : "notice";
}

std::string render_github(const CheckRun& run) {
  std::string out;
  for (const auto& s : run.specs) {
    for (const auto& e : s.errors)
      out += annotation("error", s.file, e.line, e.column, "edgeplan: input.invalid", format_diagnostic(e));
    for (const auto& f : s.findings)
      if (!f.suppressed()) out += annotation(github_command(f), s.file, f.line, f.column, "edgeplan: " + f.rule, f.message);
  }
  out += check_detail::summary_line(run) + "\n";
  return out;
}

// ---- Markdown PR comment ----

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string md_status(const SpecCheck& s) {
  if (s.errored()) return "⛔ error";
  return s.passed() ? "✅ pass" : "❌ fail";
}

std::string md_result(const SpecCheck& s) {
  if (s.errored()) return md_escape(s.errors.front().message);
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
      out += fmt::format("| {} | `{}` | {}{} | {} |\n", f.blocking ? "**" + f.severity + "**" : f.severity, f.rule, md_escape(f.message),
                         suppressed ? " — " + md_escape(check_detail::waiver_text(*f.waiver)) : "", f.line > 0 ? std::to_string(f.line) : "");
}

void append_spec_md(std::string& out, const SpecCheck& s) {
  const int open = static_cast<int>(std::count_if(s.findings.begin(), s.findings.end(), [](const CheckFinding& f) { return !f.suppressed(); }));
  const int waived = static_cast<int>(s.findings.size()) - open;
  if (s.errors.empty() && s.findings.empty()) return;
  out += fmt::format("\n### {} `{}` — {}\n\n", md_status(s), s.file, s.workload.empty() ? "(unreadable)" : s.workload);
  for (const auto& e : s.errors) out += fmt::format("- `{}`\n", md_escape(format_diagnostic(e)));
  if (open > 0) append_findings_md(out, s, false);
  if (waived > 0) {
    out += fmt::format("\n<details><summary>{} waived finding{}</summary>\n\n", waived, waived == 1 ? "" : "s");
    append_findings_md(out, s, true);
    out += "\n</details>\n";
  }
}

std::string render_markdown(const CheckRun& run) {
  const int blocked = run.failed() + run.errored();
  std::string out = blocked == 0 ? fmt::format("## ✅ edgeplan check: {} spec{} pass\n\n", run.specs.size(), run.specs.size() == 1 ? "" : "s")
                                 : fmt::format("## ❌ edgeplan check: {} of {} specs blocked\n\n", blocked, run.specs.size());
  out += "| | spec | workload | proposed | findings |\n|---|---|---|---|---|\n";
  for (const auto& s : run.specs)
    out += fmt::format("| {} | `{}` | {} | {} | {} |\n", md_status(s), s.file, md_escape(s.workload), md_proposed(s), md_result(s));
  for (const auto& s : run.specs) append_spec_md(out, s);
  out += fmt::format("\n<sub>{} · {}</sub>\n", md_escape(check_detail::summary_line(run)), md_escape(render_detail::provenance_line(run.provenance)));
  return out;
}

}  // namespace

const std::vector<std::string>& check_format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [f, n] : format_table()) out.push_back(n);
    return out;
  }();
  return names;
}

std::optional<CheckFormat> check_format_from_string(const std::string& name) {
  for (const auto& [f, n] : format_table())
    if (n == name) return f;
  return std::nullopt;
}

std::optional<CheckFormat> check_format_from_path(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) { return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0; };
  if (ends_with(".sarif") || ends_with(".sarif.json")) return CheckFormat::sarif;
  if (ends_with(".xml")) return CheckFormat::junit;
  if (ends_with(".md")) return CheckFormat::markdown;
  if (ends_with(".json")) return CheckFormat::json;
  if (ends_with(".txt")) return CheckFormat::text;
  return std::nullopt;
}

std::string render_check(const CheckRun& run, CheckFormat format, bool color) {
  switch (format) {
    case CheckFormat::text: return render_text(run, color);
    case CheckFormat::json: return check_detail::render_json(run);
    case CheckFormat::sarif: return check_detail::render_sarif(run);
    case CheckFormat::junit: return check_detail::render_junit(run);
    case CheckFormat::github: return render_github(run);
    case CheckFormat::markdown: return render_markdown(run);
  }
  return render_text(run, color);
}

}  // namespace edgeplan
