// `edgeplan rules` end to end: `rules list` (where each rule came from, and a
// malformed rule pack), `rules test` on the example policy packs and the default
// rules, and `rules eval` with bad logic.
#include <string>

#include <catch2/catch.hpp>

#include <edgeplan/exit_codes.hpp>

#include "support.hpp"

using edgeplan::ExitCode;
using edgeplan::to_int;
using namespace edgeplan::test;

namespace {


}  // namespace

// ---------------------------------------------------------------- rules list

TEST_CASE("rules list: where each rule came from", "[check-cli]") {
  RunResult r = run_edgeplan("rules list --rules examples/ci/policy/org --rules examples/ci/policy/team");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "examples/ci/policy/org/10-organisation.json · severity warning → error by examples/ci/policy/team/20-payments-team.json\n"));
  CHECK(contains(r.out, "examples/ci/policy/org/10-organisation.json · non-waivable · made non-waivable by examples/ci/policy/team/20-payments-team.json\n"));
}

namespace edgeplan {

TEST_CASE("relax: a malformed relaxation in a rule pack is an input error with its location", "[relax][cli]") {
  const auto run = test::run_edgeplan("rules list --rules tests/data/rulepacks/bad-relax");
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "edgeplan: error: tests/data/rulepacks/bad-relax/10-bad.json:3:21 (/rules/0/relax/0/op): expected one of \"add\", \"replace\", got \"remove\"\n"
        "edgeplan: error: tests/data/rulepacks/bad-relax/10-bad.json:3:39 (/rules/0/relax/0/path): expected a JSON pointer into the workload "
        "document (e.g. \"/spec/latency/users/max_rtt_ms\")\n"
        "edgeplan: error: tests/data/rulepacks/bad-relax/10-bad.json:5:13 (/rules/1/relax): only exclude rules can have a relaxation\n");
}

}  // namespace edgeplan

// ---------------------------------------------------------------- rules test

TEST_CASE("rules test: the example policy packs pass their own tests", "[check-cli][rules-test]") {
  RunResult org = run_edgeplan("rules test examples/ci/policy/org --require-coverage");
  INFO(org.out << org.err);
  CHECK(org.exit_code == 0);
  CHECK(contains(org.out, "rules test examples/ci/policy/org: 1 files, 7 tests, 12 expectations\n"));
  CHECK(contains(org.out, "coverage: 4 of 4 rules defined in examples/ci/policy/org have a test\n7 tests: 7 passed, 0 failed\n"));
  RunResult team = run_edgeplan("rules test --rules examples/ci/policy/org examples/ci/policy/team --require-coverage");
  CHECK(team.exit_code == 0);
}

TEST_CASE("rules test: the default rules pass their own tests, every rule covered", "[check-cli][rules-test]") {
  RunResult r = run_edgeplan("rules test rules/default --require-coverage");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, " 0 failed\n"));
}

TEST_CASE("rules test: a pack, its tests and their fixtures may be YAML", "[check-cli][rules-test][yaml]") {
  for (const std::string extra : {"", " --rules tests/data/rulepacks/yaml-pack"}) {
    RunResult r = run_edgeplan("rules test tests/data/rulepacks/yaml-pack --require-coverage" + extra);
    INFO(extra << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "  ok    tests/data/rulepacks/yaml-pack/tests/far-users.yaml: and far from Sydney\n"));
    CHECK(contains(r.out, "coverage: 1 of 1 rules defined in tests/data/rulepacks/yaml-pack have a test\n2 tests: 2 passed, 0 failed\n"));
  }
}

TEST_CASE("rules test: a wrong expectation fails with what happened instead", "[check-cli][rules-test]") {
  RunResult r = run_edgeplan("rules test tests/data/rulepacks/wrong-expectation");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "  FAIL  tests/data/rulepacks/wrong-expectation/tests/expect.json: the LA Local Zone is claimed to be too far\n"
                        "        test.la-too-far: expected fail, got pass (option us-west-2-lax-1a, fixture "
                        "tests/data/rulepacks/wrong-expectation/tests/fixtures/la-shoppers.json)\n"));
  CHECK(contains(r.out, "1 tests: 0 passed, 1 failed\n"));
  SECTION("an expectation naming no loaded rule is an input error") {
    RunResult bad = run_edgeplan("rules test tests/data/rulepacks/unknown-rule");
    CHECK(bad.exit_code == 3);
    CHECK(contains(bad.err, "(/tests/0/expect/latency.users.maxrtt): no loaded rule \"latency.users.maxrtt\"\n  hint: did you mean \"latency.users.max-rtt\"?"));
  }
}

// ---------------------------------------------------------------- rules eval

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
