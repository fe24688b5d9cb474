// edgeplan rules list | rules test DIR... | rules eval --logic JSON --data JSON
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include <edgeplan/exit_codes.hpp>
#include <edgeplan/jsonlogic.hpp>
#include <edgeplan/json_document.hpp>
#include <edgeplan/rule_tests.hpp>
#include <edgeplan/util/text.hpp>

#include "app.hpp"

namespace edgeplan::cli {

namespace {

struct ListOptions {
  EngineOptions engine;
  OutputOptions output;
};

struct TestOptions {
  std::vector<std::string> directories;
  EngineOptions engine;
  OutputOptions output;
  bool require_coverage = false;
};

struct EvalOptions {
  std::string logic;
  std::string data = "{}";
};

Json rule_json(const Rule& r) {
  return {{"id", r.id}, {"effect", to_string(r.effect)}, {"severity", r.severity}, {"factor", r.factor},
          {"description", r.description}, {"file", r.file}, {"waivable", r.waivable}, {"history", r.history}};
}

// "rules/default/10-residency.json", then how later packs changed it.
std::string rule_origin(const Rule& r) {
  std::string out = r.file;
  if (!r.waivable) out += " · non-waivable";
  for (const auto& step : r.history) out += " · " + step;
  return out;
}

std::string rules_text(const RuleSet& set) {
  std::string out = fmt::format("{} rules from {} files (sha256:{})\n\n", set.rules.size(), set.files.size(), set.digest.substr(0, 12));
  out += fmt::format("{:<44} {:<8} {:<8} {:<11} {}\n", "ID", "EFFECT", "SEVERITY", "FACTOR", "DESCRIPTION / SOURCE");
  for (const auto& r : set.rules)
    out += fmt::format("{:<44} {:<8} {:<8} {:<11} {}\n{:<74} {}\n", r.id, to_string(r.effect), r.severity, r.factor.empty() ? "-" : r.factor,
                       r.description, "", rule_origin(r));
  std::vector<std::string> weights;
  for (const auto& [factor, w] : set.weights) weights.push_back(fmt::format("{} {}", factor, util::format_number(w)));
  out += fmt::format("\nweights: {}\n", util::join_list(weights, " · "));
  return out;
}

int run_list(const ListOptions& o) {
  RealFileSystem fs;
  RuleSet set = load_rules(o.engine, fs);
  if (parse_format(o.output.format) == Format::json) {
    Json rules = Json::array();
    for (const auto& r : set.rules) rules.push_back(rule_json(r));
    emit(o.output, Json{{"rules", rules}, {"weights", set.weights}, {"files", set.files}, {"digest", "sha256:" + set.digest}}.dump(2) + "\n");
  } else {
    emit(o.output, rules_text(set));
  }
  return to_int(ExitCode::ok);
}

// "--logic" values arrive as command-line text; "@path" reads a file.
JsonDocument parse_argument(const std::string& option, const std::string& value) {
  if (!value.empty() && value[0] == '@') return read_json_file(RealFileSystem{}, value.substr(1));
  return JsonDocument::parse(option, value);
}

int run_eval(const EvalOptions& o) {
  JsonDocument logic = parse_argument("--logic", o.logic);
  JsonDocument data = parse_argument("--data", o.data);
  jsonlogic::Expression expression;
  try {
    expression = jsonlogic::Expression::compile(logic.value());
  } catch (const jsonlogic::CompileError& e) {
    throw InputError(logic.diagnose(e.pointer(), e.what()));
  }
  try {
    std::cout << expression.evaluate(data.value()).dump() << "\n";
  } catch (const jsonlogic::EvalError& e) {
    throw InputError(Diagnostic{Severity::error, logic.name(), 0, 0, "", e.what(), {}});
  }
  return to_int(ExitCode::ok);
}

// The packs under test join the rule set after --rules, unless already loaded
// (`rules test rules/default` tests the defaults the binary carries).
RuleSet rules_under_test(const TestOptions& o, const FileSystem& fs) {
  RuleSet set = load_rules(o.engine, fs);
  for (const auto& dir : o.directories) {
    const auto files = fs.is_directory(dir) ? fs.list(dir, ".json") : std::vector<std::string>{};
    const bool loaded = !files.empty() && std::all_of(files.begin(), files.end(), [&](const std::string& f) {
      return std::find(set.files.begin(), set.files.end(), f) != set.files.end();
    });
    if (!loaded) set = load_rule_dirs(fs, {dir}, std::move(set));
  }
  return set;
}

int run_test(const TestOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const Catalog catalog = load_catalog(o.engine, fs);
  const RuleSet rules = rules_under_test(o, fs);
  const Engine engine{catalog, rules};
  std::string out;
  bool ok = true;
  for (const auto& dir : o.directories) {
    const RuleTestRun run = run_rule_tests(fs, dir, engine);
    out += parse_format(o.output.format) == Format::json ? render_rule_tests_json(run) : render_rule_tests_text(run, use_color(global, o.output));
    ok = ok && run.failed() == 0 && (!o.require_coverage || run.untested.empty());
  }
  emit(o.output, out);
  return to_int(ok ? ExitCode::ok : ExitCode::no_feasible);
}

}  // namespace

Runner setup_rules(CLI::App& command, const GlobalOptions& global) {
  command.require_subcommand(1);
  auto list = std::make_shared<ListOptions>();
  CLI::App* list_cmd = command.add_subcommand("list", "Every loaded rule: id, effect, severity, description, source file");
  add_engine_options(*list_cmd, list->engine);
  add_output_options(*list_cmd, list->output, {"text", "json"});
  auto eval = std::make_shared<EvalOptions>();
  CLI::App* eval_cmd = command.add_subcommand("eval", "Evaluate one JsonLogic condition and print the result as JSON");
  eval_cmd->add_option("--logic", eval->logic, "JsonLogic expression (JSON text, or @file)")->required();
  eval_cmd->add_option("--data", eval->data, "Data the expression reads (JSON text, or @file)")->capture_default_str();
  auto test = std::make_shared<TestOptions>();
  CLI::App* test_cmd = command.add_subcommand("test", "Run the rule unit tests of rule packs (DIR/tests/*.json): expected fail/pass/skip per rule and fixture");
  test_cmd->add_option("directories", test->directories, "Rule pack directories, layered in order after --rules")->required()->check(CLI::ExistingDirectory);
  test_cmd->add_flag("--require-coverage", test->require_coverage, "Fail when a rule of the pack has no test");
  add_engine_options(*test_cmd, test->engine);
  add_output_options(*test_cmd, test->output, {"text", "json"});
  return [list, eval, test, list_cmd, test_cmd, &global] {
    if (list_cmd->parsed()) return run_list(*list);
    if (test_cmd->parsed()) return run_test(*test, global);
    return run_eval(*eval);
  };
}

}  // namespace edgeplan::cli
