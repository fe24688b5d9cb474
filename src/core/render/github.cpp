// GitHub workflow commands for `check`: one annotation per input error and
// open finding, shown on the spec's line in the pull request.
#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::github {

namespace {

std::string annotation(const char* command, const std::string& file, int line, int column, const std::string& title, const std::string& message) {
  std::string props = "file=" + workflow_property(file);
  if (line > 0) props += fmt::format(",line={},col={}", line, column);
  props += ",title=" + workflow_property(title);
  return fmt::format("::{} {}::{}\n", command, props, workflow_data(message));
}

const char* github_command(const CheckFinding& f) {
  if (f.blocking || f.severity == "error") return "error";
  return f.severity == "warning" ? "warning" : "notice";
}

}  // namespace

std::string check(const CheckRun& run, const RenderOptions&) {
  std::string out;
  for (const auto& s : run.specs) {
    for (const auto& e : s.errors)
      out += annotation("error", s.file, e.line, e.column, "edgeplan: input.invalid", format_diagnostic(e));
    for (const auto& f : s.findings)
      if (!f.suppressed()) out += annotation(github_command(f), s.file, f.line, f.column, "edgeplan: " + f.rule, f.message);
  }
  out += check_summary_line(run) + "\n";
  return out;
}

}  // namespace edgeplan::render_detail::github
