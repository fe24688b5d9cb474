// GitLab Code Quality for `check` (`artifacts: reports: codequality:`): the
// subset of the Code Climate issue format GitLab's merge-request widget reads —
// description, check_name, fingerprint, severity, location.path and
// location.lines.begin. One issue per open finding and per input error; waived
// findings are accepted, so they are left out.
#include "render/json_parts.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

#include <edgeplan/util/digest.hpp>

namespace edgeplan::render_detail::gitlab_codequality {

namespace {

// GitLab ranks info < minor < major < critical < blocker: a finding that blocks
// the merge is critical, an unreadable spec blocks everything.
const char* severity(const CheckFinding& f) {
  if (f.blocking) return "critical";
  if (f.severity == "error") return "major";
  return f.severity == "warning" ? "minor" : "info";
}

OrderedJson location(const std::string& file, int line) {
  return {{"path", relative_path(file)}, {"lines", {{"begin", std::max(line, 1)}}}};
}

OrderedJson finding_issue(const SpecCheck& s, const CheckFinding& f) {
  return {{"description", f.message},
          {"check_name", f.rule},
          {"fingerprint", finding_fingerprint(s, f)},
          {"severity", severity(f)},
          {"location", location(s.file, f.line)}};
}

OrderedJson error_issue(const SpecCheck& s, const Diagnostic& d) {
  const std::string file = d.file.empty() ? s.file : d.file;
  return {{"description", located_message(d)},
          {"check_name", builtin_rules::input_error},
          {"fingerprint", util::sha256_hex(file + "\n" + builtin_rules::input_error + "\n" + d.pointer + "\n" + d.message).substr(0, 32)},
          {"severity", "blocker"},
          {"location", location(file, d.line)}};
}

}  // namespace

std::string check(const CheckRun& run, const RenderOptions&) {
  OrderedJson issues = OrderedJson::array();
  for (const auto& s : run.specs) {
    for (const auto& e : s.errors) issues.push_back(error_issue(s, e));
    for (const auto& f : s.findings)
      if (!f.suppressed()) issues.push_back(finding_issue(s, f));
  }
  return dump_json(issues, 2) + "\n";
}

}  // namespace edgeplan::render_detail::gitlab_codequality
