// `edgeplan check --format junit`: one <testsuite> per spec, one <testcase> per
// rule. Written to the Jenkins xUnit JUnit schema (tests/data/schemas/junit.xsd):
// <testsuites> carries only name/tests/failures/errors/time, <testcase> only
// name/classname. No timings: the same inputs give byte-identical files.
#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/printers.hpp"
#include "render/wording.hpp"

namespace edgeplan::render_detail::junit {

namespace {

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
};

Counts count_cases(const SpecCheck& s) {
  Counts c;
  for (const auto& rc : s.cases) {
    ++c.tests;
    if (s.errored()) ++c.errors;
    else if (rc.status == CaseStatus::failed) ++c.failures;
    else if (rc.status == CaseStatus::skipped || rc.status == CaseStatus::waived) ++c.skipped;
  }
  return c;
}

std::string findings_text(const SpecCheck& s, const RuleCase& rc) {
  std::string out;
  for (auto i : rc.findings) {
    const CheckFinding& f = s.findings[i];
    out += fmt::format("{}: {}\n  at {}\n", f.severity, f.message, location_text(s.file, f));
    if (f.waiver) out += "  " + waiver_text(*f.waiver) + "\n";
  }
  return out;
}

std::string case_body(const SpecCheck& s, const RuleCase& rc) {
  const std::string first = rc.findings.empty() ? rc.detail : s.findings[rc.findings.front()].message;
  switch (rc.status) {
    case CaseStatus::failed:
      if (s.errored()) return fmt::format("      <error type=\"input\" message=\"{}\">{}</error>\n", xml_text(s.errors.front().message), xml_text(rc.detail));
      return fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", xml_text(s.findings[rc.findings.front()].severity), xml_text(first),
                         xml_text(findings_text(s, rc)));
    case CaseStatus::skipped: return fmt::format("      <skipped message=\"{}\"/>\n", xml_text(rc.detail));
    case CaseStatus::waived: return fmt::format("      <skipped message=\"{}\"/>\n      <system-out>{}</system-out>\n", xml_text(rc.detail), xml_text(findings_text(s, rc)));
    case CaseStatus::warned: return fmt::format("      <system-out>{}</system-out>\n", xml_text(findings_text(s, rc)));
    case CaseStatus::passed: return rc.detail.empty() ? "" : fmt::format("      <system-out>{}</system-out>\n", xml_text(rc.detail));
  }
  return "";
}

void append_suite(std::string& out, const SpecCheck& s) {
  const Counts c = count_cases(s);
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" file=\"{}\">\n", xml_text(s.file), c.tests,
                     c.failures, c.errors, c.skipped, xml_text(s.file));
  out += "    <properties>\n";
  out += fmt::format("      <property name=\"workload\" value=\"{}\"/>\n", xml_text(s.workload));
  out += fmt::format("      <property name=\"proposed\" value=\"{}\"/>\n", xml_text(s.proposed.value_or("")));
  out += fmt::format("      <property name=\"recommended\" value=\"{}\"/>\n", xml_text(s.top_option));
  out += "    </properties>\n";
  const std::string classname = "edgeplan." + (s.workload.empty() ? s.file : s.workload);
  for (const auto& rc : s.cases) {
    const std::string body = case_body(s, rc);
    if (body.empty()) out += fmt::format("    <testcase name=\"{}\" classname=\"{}\"/>\n", xml_text(rc.rule), xml_text(classname));
    else out += fmt::format("    <testcase name=\"{}\" classname=\"{}\">\n{}    </testcase>\n", xml_text(rc.rule), xml_text(classname), body);
  }
  out += "  </testsuite>\n";
}

}  // namespace

std::string check(const CheckRun& run, const RenderOptions&) {
  Counts total;
  for (const auto& s : run.specs) {
    const Counts c = count_cases(s);
    total.tests += c.tests, total.failures += c.failures, total.errors += c.errors;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"edgeplan check\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", total.tests, total.failures, total.errors);
  for (const auto& s : run.specs) append_suite(out, s);
  out += "</testsuites>\n";
  return out;
}

}  // namespace edgeplan::render_detail::junit
