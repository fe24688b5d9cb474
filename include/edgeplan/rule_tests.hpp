#pragma once
// Unit tests for rules, kept next to them (cf. `conftest verify`, `cfn-guard
// test`): DIR/tests/*.json (kind "RuleTest") name a fixture workload, one of its
// options, and the outcome each rule must have there: fail (fires), pass
// (evaluated, does not fire) or skip (does not apply to the option's kind).
#include <optional>
#include <string>
#include <vector>

#include <edgeplan/pipeline.hpp>

namespace edgeplan {

struct Expectation {
  std::string rule;
  std::string expected;  // fail | pass | skip
  std::string actual;
  bool ok() const { return expected == actual; }
};

struct RuleTestCase {
  std::string file;  // the RuleTest file
  std::string name;
  std::string workload_file;
  std::string option;
  std::vector<Expectation> expectations;
  std::optional<bool> expect_eligible;
  std::optional<bool> eligible;
  bool passed() const;
};

struct RuleTestRun {
  std::string directory;
  std::vector<std::string> files;
  std::vector<RuleTestCase> cases;
  std::vector<std::string> untested;  // rules defined in the directory that no test names
  int rules_in_directory = 0;
  int passed() const;
  int failed() const;
};

// The RuleTest files of a rule directory: DIR/tests/*.json.
std::vector<std::string> rule_test_files(const FileSystem& fs, const std::string& directory);

// Runs every test under DIR/tests against `engine` (whose rules should include DIR's).
// Throws InputError for a test file, fixture or expectation that cannot be used.
RuleTestRun run_rule_tests(const FileSystem& fs, const std::string& directory, const Engine& engine);


}  // namespace edgeplan
