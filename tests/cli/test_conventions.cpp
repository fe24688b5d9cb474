// Conventions users bring from other command-line tools: `-o -` is stdout,
// global flags after the subcommand, FORCE_COLOR / CLICOLOR_FORCE / TERM=dumb,
// `--help` with examples and exit codes, `validate --format json`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "support.hpp"

using namespace edgeplan::test;
using json = nlohmann::json;

namespace {

const std::string kSpec = "examples/region-is-enough/workload.json";

}  // namespace

TEST_CASE("conventions: -o - writes to stdout and creates no file named -", "[cli][conventions]") {
  const auto plain = run_edgeplan("recommend " + kSpec + " --format json");
  const auto dashed = run_edgeplan("recommend " + kSpec + " --format json -o -");
  CHECK(dashed.exit_code == 0);
  CHECK(dashed.out == plain.out);
  CHECK_FALSE(std::filesystem::exists(source_path("-")));
  const auto check = run_edgeplan("check " + kSpec + " -f sarif -o - -f junit -o /dev/null");
  CHECK(json::parse(check.out)["version"] == "2.1.0");
}

TEST_CASE("conventions: global flags are accepted after the subcommand", "[cli][conventions]") {
  const auto quiet = run_edgeplan("recommend " + kSpec + " -q --color never");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(run_edgeplan("rules list --log-level error").exit_code == 0);
}

TEST_CASE("conventions: --top rejects a negative count", "[cli][conventions]") {
  const auto r = run_edgeplan("recommend " + kSpec + " --top -1");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
}

TEST_CASE("conventions: FORCE_COLOR and CLICOLOR_FORCE force colour, TERM=dumb and files never get it", "[cli][conventions]") {
  // The harness sets NO_COLOR=1 and pipes stdout: no colour by default.
  CHECK(run_edgeplan("recommend " + kSpec).out.find("\x1b[") == std::string::npos);
  CHECK(run_edgeplan("recommend " + kSpec, "FORCE_COLOR=1").out.find("\x1b[1m") != std::string::npos);
  CHECK(run_edgeplan("recommend " + kSpec, "CLICOLOR_FORCE=1").out.find("\x1b[1m") != std::string::npos);
  CHECK(run_edgeplan("recommend " + kSpec, "FORCE_COLOR=0").out.find("\x1b[") == std::string::npos);
  CHECK(run_edgeplan("recommend " + kSpec, "TERM=dumb").out.find("\x1b[") == std::string::npos);
  CHECK(run_edgeplan("recommend " + kSpec + " --color never", "FORCE_COLOR=1").out.find("\x1b[") == std::string::npos);
}

TEST_CASE("conventions: every command's --help shows two examples and the exit codes", "[cli][conventions]") {
  for (const char* command : {"recommend", "capacity", "cost", "check", "batch", "validate", "rules", "facts"}) {
    const auto help = run_edgeplan(std::string(command) + " --help");
    INFO(command);
    CHECK(help.exit_code == 0);
    const auto examples = help.out.find("Examples:\n  edgeplan " + std::string(command));
    REQUIRE(examples != std::string::npos);
    CHECK(help.out.find("\n  edgeplan " + std::string(command), examples + 12) != std::string::npos);
    CHECK(help.out.find("Exit codes:\n  0  success\n") != std::string::npos);
    CHECK(help.out.find("  3  input error") != std::string::npos);
  }
}

TEST_CASE("conventions: validate --format json lists each spec's verdict and diagnostics", "[cli][conventions]") {
  const auto r = run_edgeplan("validate " + kSpec + " tests/data/bad/negative-latency.json --format json");
  CHECK(r.exit_code == 3);
  const json j = json::parse(r.out);
  CHECK(j["valid"] == false);
  CHECK(j["invalid"] == 1);
  REQUIRE(j["specs"].size() == 2);
  CHECK(j["specs"][0]["valid"] == true);
  CHECK(j["specs"][0]["workload"] == "region-is-enough");
  CHECK(j["specs"][1]["valid"] == false);
  CHECK(j["specs"][1]["errors"][0]["pointer"] == "/spec/latency/users/max_rtt_ms");
  CHECK(j["specs"][1]["errors"][0]["line"] == 9);
}
