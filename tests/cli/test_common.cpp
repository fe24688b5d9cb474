// End-to-end: what every command shares. The real binary on deliberately broken
// inputs under tests/data/bad/: each case pins the exact diagnostic a user reads,
// the exit code, and that nothing reaches stdout (or an -o file) when the input
// is bad. Then the engine flags, which exist, and mean the same, on every command
// that evaluates workloads.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <edgeplan/exit_codes.hpp>

#include "support.hpp"

using edgeplan::ExitCode;
using edgeplan::to_int;
using edgeplan::test::check_input_error;
using edgeplan::test::run_edgeplan;
using edgeplan::test::contains;

namespace {

const std::string kExample = "examples/live-streaming-denver/workload.json";


void check_usage_error(const std::string& args, const std::string& expected, const std::string& env = "") {
  auto r = run_edgeplan(args, env);
  INFO("args: " << args << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == to_int(ExitCode::usage_error));
  CHECK(contains(r.err, expected));
  CHECK(r.out.empty());
}

std::string temp_path(const std::string& name) {
  return (edgeplan::test::scratch_root() / name).string();
}

}  // namespace

TEST_CASE("bad input: malformed JSON is located at the offending character") {
  check_input_error("recommend tests/data/bad/malformed-json.json",
                    "edgeplan: error: tests/data/bad/malformed-json.json:7:53: invalid JSON while parsing object key - "
                    "unexpected '}'; expected string literal\n");
}

TEST_CASE("bad input: empty and missing files") {
  SECTION("empty file") {
    check_input_error("recommend tests/data/bad/empty.json",
                      "edgeplan: error: tests/data/bad/empty.json:1:1: file is empty; expected a JSON document\n");
  }
  SECTION("missing file") {
    check_input_error("recommend tests/data/bad/does-not-exist.json",
                      "edgeplan: error: tests/data/bad/does-not-exist.json: cannot read file (missing or not a regular file)\n");
  }
  SECTION("missing catalog file") {
    check_input_error("recommend " + kExample + " --catalog tests/data/bad/no-such-catalog.json",
                      "edgeplan: error: tests/data/bad/no-such-catalog.json: cannot read catalog file (missing or not a regular file)\n");
  }
  SECTION("missing rule file") {
    check_input_error("recommend " + kExample + " --rules tests/data/bad/no-such-rules.json",
                      "edgeplan: error: tests/data/bad/no-such-rules.json: cannot read rule file (missing or not a regular file)\n");
  }
}

TEST_CASE("bad input: a YAML spec is located as a JSON one", "[yaml]") {
  SECTION("a syntax error") {
    check_input_error("recommend tests/data/bad/yaml-syntax.yaml",
                      "edgeplan: error: tests/data/bad/yaml-syntax.yaml:8:12: YAML syntax: end of map flow not found\n");
  }
  SECTION("a quoted number is a string") {
    check_input_error("recommend tests/data/bad/wrong-type-share.yaml",
                      "edgeplan: error: tests/data/bad/wrong-type-share.yaml:8:14 (/spec/users/0/share): expected number, got string \"0.6\"\n");
  }
  SECTION("a duplicate key") {
    check_input_error("recommend tests/data/bad/duplicate-key.yaml",
                      "edgeplan: error: tests/data/bad/duplicate-key.yaml:9:3 (/spec/latency): duplicate key \"latency\" (first at line 7, column 3)\n");
  }
  SECTION("several documents") {
    check_input_error("recommend tests/data/bad/two-documents.yaml",
                      "edgeplan: error: tests/data/bad/two-documents.yaml:5:1: expected one document, found 2 (\"---\" starts another)\n");
  }
  SECTION("on standard input, named <stdin>") {
    check_input_error("recommend - < tests/data/bad/yaml-syntax.yaml", "edgeplan: error: <stdin>:8:12: YAML syntax: end of map flow not found\n");
    check_input_error("facts - < tests/data/bad/wrong-type-share.json",
                      "edgeplan: error: <stdin>:7:63 (/spec/users/0/share): expected number, got string \"half\"\n");
    check_input_error("recommend - < tests/data/bad/empty.json", "edgeplan: error: <stdin>: standard input is empty; expected a JSON or YAML document\n");
  }
}

TEST_CASE("bad input: wrong types name the expected and the actual type") {
  SECTION("string where a number belongs") {
    check_input_error("recommend tests/data/bad/wrong-type-share.json",
                      "edgeplan: error: tests/data/bad/wrong-type-share.json:7:63 (/spec/users/0/share): expected number, got string \"half\"\n");
  }
  SECTION("object where an array belongs") {
    check_input_error("recommend tests/data/bad/wrong-type-users.json",
                      "edgeplan: error: tests/data/bad/wrong-type-users.json:6:14 (/spec/users): expected array, got object\n");
  }
  SECTION("value outside an enum") {
    check_input_error("recommend tests/data/bad/unknown-access.json",
                      "edgeplan: error: tests/data/bad/unknown-access.json:7:64 (/spec/users/0/access): expected one of \"lan\", "
                      "\"fiber\", \"cable\", \"dsl\", \"fixed\", \"mobile-4g\", \"mobile-5g\", got string \"wifi\"\n");
  }
}

TEST_CASE("bad input: an unknown field is a warning with a did-you-mean hint") {
  auto r = run_edgeplan("validate tests/data/bad/unknown-field.json");
  CHECK(r.exit_code == to_int(ExitCode::ok));
  CHECK(r.err ==
        "edgeplan: warning: tests/data/bad/unknown-field.json:7:64 (/spec/users/0/shares): unknown field \"shares\" is ignored\n"
        "  hint: did you mean \"share\"?\n");
  CHECK(r.out == "ok: tests/data/bad/unknown-field.json (workload \"unknown-field\"; user groups: 1, dependencies: 0, facilities: 0)\n");
}

TEST_CASE("bad input: unknown names get a suggestion") {
  SECTION("metro") {
    check_input_error("recommend tests/data/bad/unknown-metro.json",
                      "edgeplan: error: tests/data/bad/unknown-metro.json:7:43 (/spec/users/0/location/metro): unknown metro \"Denvr\"\n"
                      "  hint: did you mean \"Denver\"? Or give lat, lon and country instead\n");
  }
  SECTION("service") {
    check_input_error("recommend tests/data/bad/unknown-service.json",
                      "edgeplan: error: tests/data/bad/unknown-service.json:9:35 (/spec/services/local/1): unknown service \"EBSS\"\n"
                      "  hint: did you mean \"EBS\"?\n");
  }
  SECTION("facility referenced by a dependency") {
    check_input_error("recommend tests/data/bad/unknown-facility.json",
                      "edgeplan: error: tests/data/bad/unknown-facility.json:8:37 (/spec/latency/dependencies/0/facility): "
                      "unknown facility \"plant-2\"\n  hint: did you mean \"plant-1\"?\n");
  }
}

TEST_CASE("bad input: impossible values") {
  SECTION("negative latency budget") {
    check_input_error("recommend tests/data/bad/negative-latency.json",
                      "edgeplan: error: tests/data/bad/negative-latency.json:9:41 (/spec/latency/users/max_rtt_ms): "
                      "expected a number > 0, got -5\n");
  }
  SECTION("shares that do not sum to 1") {
    check_input_error("recommend tests/data/bad/shares-not-one.json",
                      "edgeplan: error: tests/data/bad/shares-not-one.json:6:14 (/spec/users): user shares sum to 0.8; expected 1\n"
                      "  hint: shares are fractions of traffic, e.g. 0.7 and 0.3\n");
  }
  SECTION("subdivision outside its country") {
    check_input_error("recommend tests/data/bad/subdivision-not-in-country.json",
                      "edgeplan: error: tests/data/bad/subdivision-not-in-country.json:7:94 (/spec/users/0/location/subdivision): "
                      "subdivision \"CA-ON\" is not in country \"US\"\n");
  }
}

TEST_CASE("bad input: missing required fields are located at their parent") {
  SECTION("metadata.name") {
    check_input_error("recommend tests/data/bad/missing-required-name.json",
                      "edgeplan: error: tests/data/bad/missing-required-name.json:4:15 (/metadata): missing required field \"name\"\n");
  }
  SECTION("a user group's location") {
    check_input_error("recommend tests/data/bad/missing-user-location.json",
                      "edgeplan: error: tests/data/bad/missing-user-location.json:7:7 (/spec/users/0): missing required field \"location\"\n");
  }
}

TEST_CASE("bad input: malformed rule files given with --rules") {
  SECTION("unknown JsonLogic operator") {
    check_input_error("recommend " + kExample + " --rules tests/data/bad/rule-bad-operator.json",
                      "edgeplan: error: tests/data/bad/rule-bad-operator.json:9:35 (/rules/0/condition/and/1): unknown operator \"equals\" at /and/1\n");
  }
  SECTION("unknown effect") {
    check_input_error("recommend " + kExample + " --rules tests/data/bad/rule-unknown-effect.json",
                      "edgeplan: error: tests/data/bad/rule-unknown-effect.json:8:17 (/rules/0/effect): expected one of \"exclude\", "
                      "\"warn\", \"score\", \"adjust\", got \"exlude\"\n  hint: did you mean \"exclude\"?\n");
  }
  SECTION("rules list fails the same way") {
    check_input_error("rules list --rules tests/data/bad/rule-unknown-effect.json",
                      "edgeplan: error: tests/data/bad/rule-unknown-effect.json:8:17 (/rules/0/effect): expected one of \"exclude\", "
                      "\"warn\", \"score\", \"adjust\", got \"exlude\"\n  hint: did you mean \"exclude\"?\n");
  }
}

TEST_CASE("bad input: malformed --catalog file reports every problem") {
  auto r = run_edgeplan("recommend " + kExample + " --catalog tests/data/bad/catalog-malformed.json");
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(r.out.empty());
  CHECK(r.err ==
        "edgeplan: error: tests/data/bad/catalog-malformed.json:6:33 (/sites/0/kind): expected one of \"region\", \"local-zone\", "
        "\"wavelength-zone\", got \"regoin\"\n"
        "edgeplan: error: tests/data/bad/catalog-malformed.json:6:63 (/sites/0/lon): expected number, got string \"west\"\n");
}

TEST_CASE("usage errors: bad command lines exit 2") {
  SECTION("bad --format value") {
    check_usage_error("recommend " + kExample + " --format yaml", "edgeplan: error: --format: yaml not in {text,json,markdown,html,svg}\n");
  }
  SECTION("misspelt subcommand") {
    check_usage_error("recomend " + kExample,
                      "edgeplan: error: unknown subcommand \"recomend\"\n  hint: did you mean \"recommend\"?\n"
                      "  run 'edgeplan --help' for usage\n");
  }
  SECTION("unknown subcommand after a global option") {
    check_usage_error("--log-level info frobnicate",
                      "edgeplan: error: unknown subcommand \"frobnicate\"\n  hint: subcommands are recommend, capacity, cost, check, batch, validate, rules, facts, catalog, diff, completion\n");
  }
  SECTION("unknown log level from the environment") {
    check_usage_error("recommend " + kExample,
                      "edgeplan: error: unknown log level \"verbos\" in EDGEPLAN_LOG_LEVEL\n"
                      "  hint: levels are trace, debug, info, warn, error, critical, off\n",
                      "EDGEPLAN_LOG_LEVEL=verbos");
  }
  SECTION("misspelt log level on the command line") {
    check_usage_error("--log-level debg recommend " + kExample,
                      "edgeplan: error: unknown log level \"debg\" in --log-level\n"
                      "  hint: did you mean \"debug\"? levels are trace, debug, info, warn, error, critical, off\n");
  }
  SECTION("--explain of an unknown option id") {
    check_usage_error("recommend " + kExample + " --explain us-west-2-den-1",
                      "edgeplan: error: --explain: no option \"us-west-2-den-1\" among the 107 candidates\n"
                      "  hint: did you mean \"us-west-2-den-1a\"?\n");
  }
  SECTION("--explain of an id nothing resembles") {
    check_usage_error("recommend " + kExample + " --explain nothing-like-it",
                      "edgeplan: error: --explain: no option \"nothing-like-it\" among the 107 candidates\n"
                      "  hint: --format json lists every option id\n");
  }
}

TEST_CASE("bad input: -o FILE is neither created nor touched when the run fails") {
  SECTION("no file is created") {
    const std::string out = temp_path("never-created.txt");
    std::remove(out.c_str());
    auto r = run_edgeplan("recommend tests/data/bad/unknown-metro.json -o '" + out + "'");
    CHECK(r.exit_code == to_int(ExitCode::input_error));
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(out));
  }
  SECTION("an existing file keeps its contents") {
    const std::string out = temp_path("pre-existing.txt");
    { std::ofstream(out) << "previous report\n"; }
    auto r = run_edgeplan("recommend tests/data/bad/shares-not-one.json -o '" + out + "'");
    CHECK(r.exit_code == to_int(ExitCode::input_error));
    CHECK(edgeplan::test::read_text(out) == "previous report\n");
    SECTION("also for a usage error found after loading") {
      auto u = run_edgeplan("recommend " + kExample + " --explain nothing-like-it -o '" + out + "'");
      CHECK(u.exit_code == to_int(ExitCode::usage_error));
      CHECK(edgeplan::test::read_text(out) == "previous report\n");
    }
    std::remove(out.c_str());
  }
}

// ---------------------------------------------------------------- engine flags
// One engine setup for every command: the engine flags exist, and mean the
// same, on every command that evaluates workloads (ARCHITECTURE.md).

namespace {

const char* const kEvaluatingCommands[] = {"recommend", "capacity", "check", "batch", "facts", "rules test"};
const char* const kEngineFlags[] = {"--catalog", "--rules", "--no-default-rules", "--latency-file", "--spare-hosts", "--max-utilization"};

}  // namespace

TEST_CASE("engine flags: every evaluating command takes all six", "[cli][engine]") {
  for (const char* command : kEvaluatingCommands) {
    const auto help = run_edgeplan(std::string(command) + " --help");
    INFO(command);
    REQUIRE(help.exit_code == 0);
    for (const char* flag : kEngineFlags) {
      INFO(flag);
      CHECK(help.out.find(std::string("  ") + flag + " ") != std::string::npos);
    }
  }
}

// The Denver example's only eligible option is the Denver Local Zone (about
// 10 ms modelled). A measured 95 ms to it, over the spec's 35 ms budget, must
// exclude it in `check` as it does in `recommend`: the gate uses the same RTTs.
TEST_CASE("engine flags: check uses measured RTTs (--latency-file) as recommend does", "[cli][engine][check-cli]") {
  const std::string spec = "examples/live-streaming-denver/workload.json";
  const std::string slow = " --latency-file tests/data/latency/denver-zone-slow.json";
  const auto modelled = run_edgeplan("check " + spec);
  CHECK(modelled.exit_code == 0);
  CHECK(modelled.out.find("top us-west-2-den-1a") != std::string::npos);
  const auto measured = run_edgeplan("check " + spec + slow);
  CHECK(measured.exit_code == 1);
  CHECK(measured.out.find("none of 107 candidates is feasible") != std::string::npos);
  CHECK(run_edgeplan("recommend " + spec + slow).exit_code == 1);
}

TEST_CASE("engine flags: capacity reads --latency-file like every other command", "[cli][engine]") {
  const auto missing = run_edgeplan("capacity examples/live-streaming-denver/workload.json --latency-file no-such-file.json");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "edgeplan: error: no-such-file.json: cannot read measured-latency file\n");
  CHECK(missing.out.empty());
}

namespace edgeplan {

TEST_CASE("measured latency: values from --latency-file say so in messages, rationale, facts and every format") {
  const std::string spec = "examples/live-streaming-denver/workload.json --latency-file tests/data/latency/denver-measured.json";
  SECTION("text: the rationale labels each value when both kinds appear") {
    const auto r = test::run_edgeplan("recommend " + spec);
    INFO(r.out << r.err);
    CHECK(r.out.find("measured RTT: Denver viewers 7.5 ms (budget 35 ms), estimated Colorado Springs viewers") == std::string::npos);
    CHECK(r.out.find("RTT: measured Denver viewers 7.5 ms (budget 35 ms), estimated Colorado Springs viewers") != std::string::npos);
    CHECK(r.out.find("estimated RTT to Denver viewers 7.5 ms") == std::string::npos);
  }
  SECTION("JSON: rationale and every exclusion message; Markdown: the rationale") {
    const auto json = test::run_edgeplan("recommend " + spec + " --format json");
    CHECK(json.out.find("measured RTT to Denver viewers 41 ms > 35 ms required") != std::string::npos);
    CHECK(json.out.find("RTT: measured Denver viewers 7.5 ms (budget 35 ms)") != std::string::npos);
    const auto markdown = test::run_edgeplan("recommend " + spec + " --format markdown");
    CHECK(markdown.out.find("RTT: measured Denver viewers 7.5 ms (budget 35 ms)") != std::string::npos);
  }
  SECTION("facts: source, label and terms") {
    const auto r = test::run_edgeplan("facts " + spec + " --option us-west-2-den-1a --format json");
    REQUIRE(r.exit_code == 0);
    const auto facts = nlohmann::json::parse(r.out)[0]["facts"]["latency"]["users"][0];
    CHECK(facts["source"] == "measured");
    CHECK(facts["rtt_label"] == "measured");
    CHECK(facts["path"] == "measured");
    CHECK(facts["rtt_compared_ms"] == 7.5);
    CHECK(facts["terms"] == "measured 7.5 ms (--latency-file)");
  }
  SECTION("--explain shows where each millisecond comes from") {
    const auto r = test::run_edgeplan("recommend examples/live-streaming-denver/workload.json --explain us-west-2-den-1a");
    INFO(r.out << r.err);
    CHECK(r.out.find("Latency terms (ms, typical values)") != std::string::npos);
    CHECK(r.out.find("  - Denver viewers (internet, p95 ") != std::string::npos);
    CHECK(r.out.find("access (fixed) 10 + site (local-zone) 0.3 + ") != std::string::npos);
    CHECK(r.out.find("parent Region us-west-2 (backbone): site (this end) 0.3 + site (far end) 1.5 + backbone entry (both ends) 1 + ") != std::string::npos);
  }
}

}  // namespace edgeplan
