// `edgeplan rules test` output: one line per test, the expectations that
// failed with what happened instead, then untested rules and a summary.
#include <edgeplan/render.hpp>
#include <edgeplan/rule_tests.hpp>

#include <fmt/format.h>

#include <edgeplan/util/text.hpp>

#include "render/render_common.hpp"

namespace edgeplan {

namespace {

std::string eligibility(bool eligible) { return eligible ? "eligible" : "excluded"; }

void append_case_text(std::string& out, const RuleTestCase& c, const render_detail::Painter& p) {
  out += fmt::format("  {}  {}: {}\n", c.passed() ? p.green("ok  ") : p.red("FAIL"), c.file, c.name);
  for (const auto& e : c.expectations)
    if (!e.ok()) out += fmt::format("        {}: expected {}, got {} (option {}, fixture {})\n", e.rule, e.expected, e.actual, c.option, c.workload_file);
  if (c.expect_eligible && c.expect_eligible != c.eligible)
    out += fmt::format("        option {}: expected {}, got {}\n", c.option, eligibility(*c.expect_eligible), eligibility(c.eligible.value_or(false)));
}

}  // namespace

std::string render_rule_tests_text(const RuleTestRun& run, bool color) {
  const render_detail::Painter p(color);
  std::size_t expectations = 0;
  for (const auto& c : run.cases) expectations += c.expectations.size();
  std::string out = fmt::format("rules test {}: {} files, {} tests, {} expectations\n", run.directory, run.files.size(), run.cases.size(), expectations);
  for (const auto& c : run.cases) append_case_text(out, c, p);
  out += fmt::format("coverage: {} of {} rules defined in {} have a test", run.rules_in_directory - static_cast<int>(run.untested.size()),
                     run.rules_in_directory, run.directory);
  out += run.untested.empty() ? "\n" : fmt::format("; untested: {}\n", util::join_list(run.untested));
  out += fmt::format("{} tests: {} passed, {} failed\n", run.cases.size(), run.passed(), run.failed());
  return out;
}

std::string render_rule_tests_json(const RuleTestRun& run) {
  OrderedJson j;
  j["directory"] = run.directory;
  j["files"] = run.files;
  j["passed"] = run.passed();
  j["failed"] = run.failed();
  j["tests"] = OrderedJson::array();
  for (const auto& c : run.cases) {
    OrderedJson t = {{"file", c.file}, {"name", c.name}, {"workload", c.workload_file}, {"option", c.option}, {"passed", c.passed()}};
    t["expectations"] = OrderedJson::array();
    for (const auto& e : c.expectations) t["expectations"].push_back({{"rule", e.rule}, {"expected", e.expected}, {"actual", e.actual}});
    t["eligible"] = c.eligible ? OrderedJson(*c.eligible) : OrderedJson(nullptr);
    t["expect_eligible"] = c.expect_eligible ? OrderedJson(*c.expect_eligible) : OrderedJson(nullptr);
    j["tests"].push_back(t);
  }
  j["coverage"] = {{"rules", run.rules_in_directory}, {"untested", run.untested}};
  return j.dump(2) + "\n";
}

}  // namespace edgeplan
