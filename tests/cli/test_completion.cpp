// End-to-end: `edgeplan completion bash|zsh|fish`, the scripts the build
// installs. Generated from the CLI11 definitions that print --help, so every
// subcommand --help lists must be offered, and the bash script must complete
// what a user types (run here in bash, as bash runs it on <TAB>).
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "support.hpp"

using edgeplan::test::help_listing;
using edgeplan::test::run_edgeplan;
using edgeplan::test::contains;

namespace {


std::string script_path(const std::string& shell) { return "/tmp/edgeplan-test-completion-" + std::to_string(::getpid()) + "." + shell; }

// Runs `script` in bash from the repository root; returns its stdout.
std::string run_bash(const std::string& script) {
  const std::string command = "cd '" + std::string(EDGEPLAN_SOURCE_DIR) + "' && bash --norc --noprofile -c '" + script + "' 2>&1";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
  ::pclose(pipe);
  return out;
}

// What the bash completion offers for the words typed so far (the last one is
// being completed), one per line, sorted.
std::string bash_complete(const std::string& script, const std::string& words) {
  return run_bash("source " + script + "; COMP_WORDS=(edgeplan " + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _edgeplan; " +
                  "for w in \"${COMPREPLY[@]}\"; do echo \"$w\"; done | sort");
}

}  // namespace

TEST_CASE("completion: every shell is offered every subcommand --help lists, and no hidden one", "[completion]") {
  const auto top = help_listing("");
  REQUIRE(top.subcommands.size() >= 8);
  const auto rules = help_listing("rules").subcommands;
  REQUIRE(rules == std::vector<std::string>{"list", "eval", "test"});
  std::string names;
  for (const auto& name : top.subcommands) names += (names.empty() ? "" : " ") + name;

  auto bash = run_edgeplan("completion bash");
  REQUIRE(bash.exit_code == 0);
  CHECK(contains(bash.out, "\n    '') REPLY='" + names + "' ;;\n"));
  CHECK(contains(bash.out, "\n    'rules') REPLY='list eval test' ;;\n"));
  CHECK(contains(bash.out, "\ncomplete -F _edgeplan edgeplan\n"));

  auto zsh = run_edgeplan("completion zsh");
  REQUIRE(zsh.exit_code == 0);
  CHECK(zsh.out.rfind("#compdef edgeplan\n", 0) == 0);
  auto fish = run_edgeplan("completion fish");
  REQUIRE(fish.exit_code == 0);
  for (const auto& name : top.subcommands) {
    INFO("subcommand: " << name);
    CHECK(contains(zsh.out, "        '" + name + ":"));
    CHECK(contains(fish.out, "complete -c edgeplan -n '__edgeplan_at \\'\\'' -a " + name + " -d "));
  }
  for (const auto& name : rules) {
    CHECK(contains(zsh.out, "        '" + name + ":"));
    CHECK(contains(fish.out, "complete -c edgeplan -n '__edgeplan_at \\'rules\\'' -a " + name + " -d "));
  }
  for (const auto* out : {&bash.out, &zsh.out, &fish.out}) {
    CHECK_FALSE(contains(*out, " man "));
    CHECK_FALSE(contains(*out, "'man:"));
  }
}

TEST_CASE("completion: options and their values, from the same definitions", "[completion]") {
  auto zsh = run_edgeplan("completion zsh").out;
  CHECK(contains(zsh, "'(-f --format)--format=[Output format\\: text, json, markdown]:TEXT:(text json markdown)'"));
  CHECK(contains(zsh, "'*--rules=[Rule pack (directory or file) layered after the defaults"));
  CHECK(contains(zsh, "'*:specs:_files'"));
  CHECK(contains(zsh, "'*:directories:_files -/'"));
  CHECK(contains(zsh, "':shell:(bash zsh fish)'"));
  auto fish = run_edgeplan("completion fish").out;
  CHECK(contains(
      fish,
      "complete -c edgeplan -n '__edgeplan_at \\'check\\'' -l fail-on -d 'Lowest severity that blocks (exit 1)' -x -a 'error warning'\n"));
  CHECK(contains(fish, "complete -c edgeplan -n '__edgeplan_at \\'recommend\\'' -F\n"));
  // Every option of `check --help` is offered after `check`.
  for (const auto& option : help_listing("check").options) {
    INFO("option: " << option);
    CHECK(contains(zsh, option + (option.size() > 2 ? "" : "[")));
    CHECK(contains(fish, option.size() > 2 ? " -l " + option.substr(2) : " -s " + option.substr(1)));
  }
}

TEST_CASE("completion: the bash script completes what a user types", "[completion]") {
  const std::string script = script_path("bash");
  REQUIRE(run_edgeplan("completion bash -o " + script).exit_code == 0);
  CHECK(run_bash("bash -n " + script + " && echo ok") == "ok\n");

  CHECK(bash_complete(script, "rec") == "recommend\n");
  CHECK(bash_complete(script, "\"\"") == "batch\ncapacity\ncatalog\ncheck\ncompletion\ncost\ndiff\nfacts\nrecommend\nrules\nvalidate\n");
  CHECK(bash_complete(script, "rules \"\"") == "eval\nlist\ntest\n");
  CHECK(bash_complete(script, "recommend --for") == "--format\n");
  CHECK(bash_complete(script, "recommend --format \"\"") == "html\njson\nmarkdown\nsvg\ntext\n");
  CHECK(bash_complete(script, "recommend -f m") == "markdown\n");
  CHECK(bash_complete(script, "check --format = sa") == "sarif\n");
  CHECK(bash_complete(script, "check --fail-on \"\"") == "error\nwarning\n");
  CHECK(bash_complete(script, "--color \"\"") == "always\nauto\nnever\n");
  CHECK(bash_complete(script, "completion \"\"") == "bash\nfish\nzsh\n");
  // Global options and option values are skipped on the way to the command.
  CHECK(bash_complete(script, "-q --log-level info check --format sarif -o x.sarif --fai") == "--fail-on\n");
  // Positional specs are files; rule pack directories are directories.
  CHECK(bash_complete(script, "recommend examples/live-streaming-denver/work") == "examples/live-streaming-denver/workload.json\n");
  CHECK(bash_complete(script, "rules test rules/def") == "rules/default\n");
  CHECK(bash_complete(script, "rules test --rules examples/ci/policy/o") == "examples/ci/policy/org\n");
  // A number has nothing to complete.
  CHECK(bash_complete(script, "recommend --top \"\"").empty());
  std::remove(script.c_str());
}

TEST_CASE("completion: an unknown shell is a usage error", "[completion]") {
  auto r = run_edgeplan("completion tcsh");
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "tcsh not in {bash,zsh,fish}"));
  CHECK(r.out.empty());
}
