// End-to-end: the real binary on deliberately broken inputs under tests/data/bad/.
// Each case pins the exact diagnostic a user reads, the exit code, and that
// nothing reaches stdout (or an -o file) when the input is bad.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <edgeplan/exit_codes.hpp>

#include "support.hpp"

using edgeplan::ExitCode;
using edgeplan::to_int;
using edgeplan::test::run_edgeplan;

namespace {

const std::string kExample = "examples/live-streaming-denver/workload.json";

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// `recommend FILE` must fail with exit 3, print `expected` on stderr, nothing on stdout.
void check_input_error(const std::string& args, const std::string& expected) {
  auto r = run_edgeplan(args);
  INFO("args: " << args << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(contains(r.err, expected));
  CHECK(r.out.empty());
}

void check_usage_error(const std::string& args, const std::string& expected, const std::string& env = "") {
  auto r = run_edgeplan(args, env);
  INFO("args: " << args << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == to_int(ExitCode::usage_error));
  CHECK(contains(r.err, expected));
  CHECK(r.out.empty());
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("edgeplan-test-" + std::to_string(::getpid()) + "-" + name)).string();
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

TEST_CASE("bad input: validate reports the file as invalid on stdout and errors on stderr") {
  auto r = run_edgeplan("validate tests/data/bad/unknown-metro.json " + kExample);
  CHECK(r.exit_code == to_int(ExitCode::input_error));
  CHECK(contains(r.err, "edgeplan: error: tests/data/bad/unknown-metro.json:7:43 (/spec/users/0/location/metro): unknown metro \"Denvr\"\n"));
  CHECK(r.out ==
        "invalid: tests/data/bad/unknown-metro.json\n"
        "ok: " + kExample + " (workload \"live-streaming-denver\"; user groups: 2, dependencies: 0, facilities: 0)\n");
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

TEST_CASE("bad input: rules eval with bad logic") {
  SECTION("invalid JSON") {
    check_input_error("rules eval --logic '{\"+\":[1,'",
                      "edgeplan: error: --logic:1:9: invalid JSON while parsing value - unexpected end of input; "
                      "expected '[', '{', or a literal\n");
  }
  SECTION("invalid --data JSON") {
    check_input_error("rules eval --logic '{\"+\":[1,2]}' --data '{'",
                      "edgeplan: error: --data:1:2: invalid JSON while parsing object key - unexpected end of input; "
                      "expected string literal\n");
  }
  SECTION("unknown operator") {
    check_input_error("rules eval --logic '{\"plus\":[1,2]}'", "edgeplan: error: --logic:1:1: unknown operator \"plus\" at the rule root\n");
  }
  SECTION("a valid expression still works") {
    auto r = run_edgeplan("rules eval --logic '{\"+\":[1,2]}'");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "3\n");
  }
}

TEST_CASE("usage errors: bad command lines exit 2") {
  SECTION("bad --format value") {
    check_usage_error("recommend " + kExample + " --format yaml", "edgeplan: error: --format: yaml not in {text,json,markdown}\n");
  }
  SECTION("misspelt subcommand") {
    check_usage_error("recomend " + kExample,
                      "edgeplan: error: unknown subcommand \"recomend\"\n  hint: did you mean \"recommend\"?\n"
                      "  run 'edgeplan --help' for usage\n");
  }
  SECTION("unknown subcommand after a global option") {
    check_usage_error("--log-level info frobnicate",
                      "edgeplan: error: unknown subcommand \"frobnicate\"\n  hint: subcommands are recommend, capacity, check, batch, validate, rules, facts\n");
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
