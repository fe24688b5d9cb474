#include <edgeplan/rule_tests.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "load/json_reader.hpp"
#include <edgeplan/util/text.hpp>
#include <edgeplan/util/utf8.hpp>

namespace edgeplan {

namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// Whether `path` lies inside `directory` once both are resolved (symlinks
// followed as far as they exist): a fixture must be a file of the pack, so that
// `rules test` on someone's pack never reads, or quotes, "../../etc/passwd".
bool lies_inside(const std::string& directory, const std::string& path) {
  namespace stdfs = std::filesystem;
  std::error_code ec;
  stdfs::path root = stdfs::weakly_canonical(directory, ec);
  if (ec) return false;
  const stdfs::path target = stdfs::weakly_canonical(path, ec);
  if (ec) return false;
  if (root.filename().empty()) root = root.parent_path();  // "pack/" -> "pack"
  const auto [in_root, in_target] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return in_root == root.end() && in_target != target.end();
}

// The outcome of one rule on one option, from the evaluation's trace.
std::string outcome_of(const Evaluation& ev, const std::string& rule) {
  std::string outcome = "pass";
  for (const auto& t : ev.trace) {
    if (t.rule != rule) continue;
    if (t.outcome == "not applicable") return "skip";
    if (t.outcome == "fired") return "fail";
  }
  return outcome;
}

void check_rule_known(JsonReader& r, const std::string& pointer, const std::string& id, const RuleSet& rules) {
  if (find_rule(rules, id)) return;
  std::vector<std::string> ids;
  for (const auto& rule : rules.rules) ids.push_back(rule.id);
  r.error(pointer, fmt::format("no loaded rule \"{}\"", id), util::did_you_mean(id, ids));
}

const Evaluation* find_option(JsonReader& r, const std::string& pointer, const Report& report, const std::string& id) {
  if (const Evaluation* ev = report.find(id)) return ev;
  std::vector<std::string> ids;
  for (const auto& e : report.evaluations) ids.push_back(e.candidate->id);
  r.error(pointer, fmt::format("option \"{}\" is not a candidate for this fixture", id), util::did_you_mean(id, ids));
  return nullptr;
}

struct TestSpec {
  std::string pointer;
  RuleTestCase c;
  std::vector<std::pair<std::string, std::string>> expect;  // pointer, rule
};

TestSpec read_test(JsonReader& r, const std::string& p, const std::string& file, const std::string& pack, const RuleSet& rules) {
  TestSpec t;
  t.pointer = p;
  t.c.file = file;
  t.c.name = r.string(p + "/name", true).value_or("");
  const auto workload = r.string(p + "/workload", true);
  t.c.workload_file = directory_of(file) + workload.value_or("");
  if (workload && !lies_inside(pack, t.c.workload_file))
    r.error(p + "/workload", fmt::format("fixture \"{}\" lies outside the rule pack {}; expected a file inside the pack's directory",
                                         util::shorten_utf8(*workload, 80), util::valid_utf8(pack)));
  t.c.option = r.string(p + "/option", true).value_or("");
  t.c.expect_eligible = r.boolean(p + "/eligible");
  const Json* expect = r.find(p + "/expect");
  if (!expect || !expect->is_object() || expect->empty()) {
    r.error(p + (expect ? "/expect" : ""), "expected \"expect\": an object of rule id → \"fail\" | \"pass\" | \"skip\"");
    return t;
  }
  for (const auto& [rule, value] : expect->items()) {
    const std::string ep = p + "/expect/" + pointer_token(rule);
    check_rule_known(r, ep, rule, rules);
    const std::string outcome = value.is_string() ? value.get<std::string>() : "";
    if (outcome != "fail" && outcome != "pass" && outcome != "skip")
      r.error(ep, fmt::format("expected \"fail\", \"pass\" or \"skip\", got {}", describe_json(value)));
    t.c.expectations.push_back({rule, outcome, ""});
  }
  return t;
}

void run_test(TestSpec& t, JsonReader& r, const FileSystem& fs, const Engine& engine) {
  const LoadedWorkload workload = load_workload_file(fs, t.c.workload_file, engine.catalog);
  const Report report = recommend(workload, engine, Detail::full, false, Relaxations::skipped);  // a test reads one option's findings
  const Evaluation* ev = find_option(r, t.pointer + "/option", report, t.c.option);
  if (!ev) return;
  for (auto& e : t.c.expectations) e.actual = outcome_of(*ev, e.rule);
  t.c.eligible = !ev->excluded();
}

void run_file(RuleTestRun& run, const FileSystem& fs, const std::string& file, const Engine& engine) {
  const JsonDocument doc = read_json_file(fs, file);
  JsonReader r(doc);
  auto kind = r.string("/kind", true);
  if (kind && *kind != "RuleTest") r.error("/kind", fmt::format("expected \"RuleTest\", got \"{}\"", *kind));
  std::vector<TestSpec> tests;
  for (const auto& p : r.elements("/tests", true)) tests.push_back(read_test(r, p, file, run.directory, engine.rules));
  r.throw_if_errors();
  for (auto& t : tests) run_test(t, r, fs, engine);
  r.throw_if_errors();
  for (auto& t : tests) run.cases.push_back(std::move(t.c));
}

void find_untested(RuleTestRun& run, const RuleSet& rules) {
  std::set<std::string> named;
  for (const auto& c : run.cases)
    for (const auto& e : c.expectations) named.insert(e.rule);
  const std::string prefix = run.directory.back() == '/' ? run.directory : run.directory + "/";
  for (const auto& rule : rules.rules) {
    if (rule.file.rfind(prefix, 0) != 0 || rule.effect == Effect::score) continue;
    ++run.rules_in_directory;
    if (!named.count(rule.id)) run.untested.push_back(rule.id);
  }
}

}  // namespace

bool RuleTestCase::passed() const {
  const bool expectations_met = std::all_of(expectations.begin(), expectations.end(), [](const Expectation& e) { return e.ok(); });
  return expectations_met && (!expect_eligible || expect_eligible == eligible);
}

int RuleTestRun::passed() const {
  return static_cast<int>(std::count_if(cases.begin(), cases.end(), [](const RuleTestCase& c) { return c.passed(); }));
}

int RuleTestRun::failed() const { return static_cast<int>(cases.size()) - passed(); }

std::vector<std::string> rule_test_files(const FileSystem& fs, const std::string& directory) {
  const std::string tests = (directory.back() == '/' ? directory : directory + "/") + "tests";
  return fs.is_directory(tests) ? list_documents(fs, tests) : std::vector<std::string>{};
}

RuleTestRun run_rule_tests(const FileSystem& fs, const std::string& directory, const Engine& engine) {
  RuleTestRun run;
  run.directory = directory;
  run.files = rule_test_files(fs, directory);
  if (run.files.empty())
    throw InputError(Diagnostic{Severity::error, directory, 0, 0, "", "no rule tests: expected RuleTest files in " + directory + "/tests (*.json, *.yaml, *.yml)", {}});
  for (const auto& file : run.files) run_file(run, fs, file, engine);
  find_untested(run, engine.rules);
  return run;
}

}  // namespace edgeplan
