// edgeplan rules list | rules test DIR... | rules eval --logic JSON --data JSON
#include <algorithm>

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

int run_list(const ListOptions& o) {
  RealFileSystem fs;
  const RuleSet set = load_rule_set(engine_sources(o.engine), fs);
  emit(o.output, render(set, output_format(o.output)));
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
    write_stdout(dump_json(expression.evaluate(data.value())) + "\n");
  } catch (const jsonlogic::EvalError& e) {
    throw InputError(Diagnostic{Severity::error, logic.name(), 0, 0, "", e.what(), {}});
  }
  return to_int(ExitCode::ok);
}

// The packs under test join the rule set after --rules, unless already loaded
// (`rules test rules/default` tests the defaults the binary carries).
RuleSet with_packs_under_test(const TestOptions& o, const FileSystem& fs, RuleSet set) {
  for (const auto& dir : o.directories) {
    const auto files = fs.is_directory(dir) ? list_documents(fs, dir) : std::vector<std::string>{};
    const bool loaded = !files.empty() && std::all_of(files.begin(), files.end(), [&](const std::string& f) {
      return std::find(set.files.begin(), set.files.end(), f) != set.files.end();
    });
    if (!loaded) set = load_rule_dirs(fs, {dir}, std::move(set));
  }
  return set;
}

int run_test(const TestOptions& o, const GlobalOptions& global) {
  RealFileSystem fs;
  const EngineSetup setup(engine_sources(o.engine), fs, [&](RuleSet set) { return with_packs_under_test(o, fs, std::move(set)); });
  const Format format = output_format(o.output);
  std::string out;
  bool ok = true;
  for (const auto& dir : o.directories) {
    const RuleTestRun run = run_rule_tests(fs, dir, setup.engine());
    out += render(run, format, render_options(global, o.output));
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
  add_rule_options(*list_cmd, list->engine);
  add_output_options<RuleSet>(*list_cmd, list->output);
  auto eval = std::make_shared<EvalOptions>();
  CLI::App* eval_cmd = command.add_subcommand("eval", "Evaluate one JsonLogic condition and print the result as JSON");
  eval_cmd->add_option("--logic", eval->logic, "JsonLogic expression (JSON text, or @file)")->required();
  eval_cmd->add_option("--data", eval->data, "Data the expression reads (JSON text, or @file)")->capture_default_str();
  auto test = std::make_shared<TestOptions>();
  CLI::App* test_cmd = command.add_subcommand("test", "Run the rule unit tests of rule packs (DIR/tests/*.json): expected fail/pass/skip per rule and fixture");
  test_cmd->add_option("directories", test->directories, "Rule pack directories, layered in order after --rules")->required()->check(CLI::ExistingDirectory);
  test_cmd->add_flag("--require-coverage", test->require_coverage, "Fail when a rule of the pack has no test");
  add_engine_options(*test_cmd, test->engine);
  add_output_options<RuleTestRun>(*test_cmd, test->output);
  return [list, eval, test, list_cmd, test_cmd, &global] {
    if (list_cmd->parsed()) return run_list(*list);
    if (test_cmd->parsed()) return run_test(*test, global);
    return run_eval(*eval);
  };
}

}  // namespace edgeplan::cli
