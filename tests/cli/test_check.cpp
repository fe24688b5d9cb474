// `edgeplan check` end to end, on examples/ci: exit codes, the reports CI
// systems read (SARIF and JUnit validated against the schemas in
// tests/data/schemas), several reports in one run, bad input. The policy packs'
// own tests (`rules test`) are in test_rules.cpp.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support.hpp"

using namespace edgeplan::test;

namespace {

const std::string kPacks = "--rules examples/ci/policy/org --rules examples/ci/policy/team --today 2026-11-26";


int validate_sarif(const std::string& file) {
  const std::string cmd = "python3 -c 'import json,sys,jsonschema; s=json.load(open(sys.argv[1])); "
                          "jsonschema.Draft4Validator(s).validate(json.load(open(sys.argv[2])))' '" +
                          source_path("tests/data/schemas/sarif-2.1.0.json") + "' '" + file + "'";
  return std::system(cmd.c_str());
}

int validate_junit(const std::string& file) {
  const std::string cmd = "xmllint --noout --schema '" + source_path("tests/data/schemas/junit.xsd") + "' '" + file + "' 2>/dev/null";
  return std::system(cmd.c_str());
}

}  // namespace

TEST_CASE("check cli: the CI examples, as a pull request sees them", "[check-cli][ci-example]") {
  RunResult r = run_edgeplan("check examples/ci/specs " + kPacks);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "FAIL  examples/ci/specs/card-vault-apac.json  card-vault-apac: proposed ap-southeast-1 (region), excluded · 1 rule fired\n"
                        "      error    org.pci.jurisdictions  examples/ci/specs/card-vault-apac.json:4:15 (/metadata)\n"
                        "               cardholder data would be stored in SG, outside the PCI-assessed jurisdictions (US, CA, GB, IE, DE, FR)\n"));
  // The team pack raised the organisation's headroom rule to an error: checkout now blocks.
  CHECK(contains(r.out, "FAIL  examples/ci/specs/checkout-api-lax.json"));
  CHECK(contains(r.out, "      error    org.latency.headroom  examples/ci/specs/checkout-api-lax.json:12:7 (/spec/users/1)\n"
                        "               estimated RTT to San Diego shoppers 28 ms leaves less than 20 % headroom under the 34 ms budget\n"));
  CHECK(contains(r.out, "      warning  waiver.not-waivable  examples/ci/specs/factory-vision-outposts.json:31:7 (/spec/waivers/0)\n"));
  CHECK(contains(r.out, "      warning  waiver.expired  examples/ci/specs/legacy-erp-expired-waiver.json:31:7 (/spec/waivers/0)\n"));
  CHECK(contains(r.out, "      waived   latency.users.max-rtt  examples/ci/specs/store-analytics-phx.json:12:7 (/spec/users/1)\n"));
  CHECK(contains(r.out, "PASS  examples/ci/specs/payments-gateway-eu.json  payments-gateway-eu: proposed eu-west-1 (region), rank 1 of 4 eligible"));
  CHECK(contains(r.out, "PASS  examples/ci/specs/media-archive-no-proposal.json  media-archive-no-proposal: no proposed placement; 2 of 107 candidates eligible, top us-east-2\n"));
  CHECK(contains(r.out, "\n7 specs checked: 2 passed, 5 failed · findings: 5 errors, 5 warnings, 7 info, 1 waived · fail on error\n"));
}

TEST_CASE("check cli: with the organisation pack only, the passing specs pass", "[check-cli]") {
  RunResult r = run_edgeplan("check examples/ci/specs/payments-gateway-eu.json examples/ci/specs/checkout-api-lax.json "
                             "examples/ci/specs/store-analytics-phx.json --rules examples/ci/policy/org --today 2026-11-26");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "3 specs checked: 3 passed, 0 failed"));
  SECTION("--fail-on warning makes the headroom warning block") {
    RunResult strict = run_edgeplan("check examples/ci/specs/checkout-api-lax.json --rules examples/ci/policy/org --fail-on warning");
    CHECK(strict.exit_code == 1);
    CHECK(contains(strict.out, "fail on warning"));
  }
  SECTION("the waiver lapses, and --no-waivers shows the finding for an audit") {
    CHECK(run_edgeplan("check examples/ci/specs/store-analytics-phx.json --today 2027-04-01").exit_code == 1);
    RunResult audit = run_edgeplan("check examples/ci/specs/store-analytics-phx.json --today 2026-11-26 --no-waivers");
    CHECK(audit.exit_code == 1);
    CHECK(contains(audit.out, "waivers ignored (--no-waivers)"));
  }
  SECTION("--require-top and --max-score-gap") {
    RunResult top = run_edgeplan("check examples/ci/specs/payments-gateway-eu.json --require-top --max-score-gap 0");
    CHECK(top.exit_code == 0);
  }
}

TEST_CASE("check cli: several reports in one run, SARIF and JUnit validate against their schemas", "[check-cli]") {
  const std::string dir = scratch_dir("reports");
  RunResult r = run_edgeplan("check examples/ci/specs " + kPacks + " --format sarif -o " + dir + "/edgeplan.sarif --format junit -o " + dir +
                             "/edgeplan.xml --format markdown -o " + dir + "/comment.md --format json -o " + dir + "/check.json --format github");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(validate_sarif(dir + "/edgeplan.sarif") == 0);
  CHECK(validate_junit(dir + "/edgeplan.xml") == 0);

  const std::string sarif = read_text(dir + "/edgeplan.sarif");
  CHECK(contains(sarif, R"("ruleId": "org.pci.jurisdictions")"));
  CHECK(contains(sarif, R"("uri": "examples/ci/specs/card-vault-apac.json")"));
  CHECK(contains(sarif, R"("startLine": 4)"));
  CHECK(contains(sarif, R"("kind": "inSource")"));  // the waived finding carries its suppression
  CHECK(contains(sarif, R"("justification": "waived by retail-insights-po@example.com until 2027-03-31)"));

  const std::string junit = read_text(dir + "/edgeplan.xml");
  CHECK(contains(junit, R"(<testsuite name="examples/ci/specs/card-vault-apac.json" tests=")"));
  CHECK(contains(junit, R"(<testcase name="org.pci.jurisdictions" classname="edgeplan.card-vault-apac">)"));
  CHECK(contains(junit, R"(<failure type="error" message="cardholder data would be stored in SG)"));

  CHECK(contains(read_text(dir + "/comment.md"), "## ❌ edgeplan check: 5 of 7 specs blocked\n"));
  CHECK(contains(read_text(dir + "/check.json"), R"("result": "fail")"));
  // GitHub annotations go to stdout, on the spec's line; waived findings are not annotated.
  CHECK(contains(r.out, "::error file=examples/ci/specs/card-vault-apac.json,line=4,col=15,title=edgeplan%3A org.pci.jurisdictions::"
                        "cardholder data would be stored in SG, outside the PCI-assessed jurisdictions (US, CA, GB, IE, DE, FR)\n"));
  CHECK_FALSE(contains(r.out, "store-analytics-phx.json,line=14,col=16,title=edgeplan%3A latency.users.max-rtt"));
}

TEST_CASE("check cli: the same inputs give byte-identical reports", "[check-cli]") {
  const std::string args = "check examples/ci/specs " + kPacks + " --format sarif";
  RunResult a = run_edgeplan(args);
  RunResult b = run_edgeplan(args);
  CHECK(a.out == b.out);
  CHECK(run_edgeplan("check examples/ci/specs " + kPacks + " --format junit").out ==
        run_edgeplan("check examples/ci/specs " + kPacks + " --format junit").out);
}

TEST_CASE("check cli: a bad spec is reported in every report, exit 3, and the others are still checked", "[check-cli]") {
  const std::string dir = scratch_dir("bad-spec");
  RunResult r = run_edgeplan("check tests/data/bad/unknown-metro.json examples/ci/specs/payments-gateway-eu.json --format sarif -o " + dir +
                             "/e.sarif --format junit -o " + dir + "/e.xml");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "edgeplan: error: tests/data/bad/unknown-metro.json:"));
  CHECK(validate_sarif(dir + "/e.sarif") == 0);
  CHECK(validate_junit(dir + "/e.xml") == 0);
  CHECK(contains(read_text(dir + "/e.sarif"), R"("executionSuccessful": false)"));
  CHECK(contains(read_text(dir + "/e.xml"), R"(<testcase name="input.invalid" classname="edgeplan.tests/data/bad/unknown-metro.json">)"));
  CHECK(contains(read_text(dir + "/e.xml"), R"(<testsuite name="examples/ci/specs/payments-gateway-eu.json")"));
}

TEST_CASE("check cli: - checks a spec on standard input, named <stdin>, next to files and directories", "[check-cli][yaml]") {
  RunResult alone = run_edgeplan("check - --today 2026-11-26 < examples/ci/specs/payments-gateway-eu.json");
  INFO(alone.out << alone.err);
  CHECK(alone.exit_code == 0);
  CHECK(contains(alone.out, "PASS  <stdin>  payments-gateway-eu: proposed eu-west-1 (region), rank 1 of 4 eligible"));
  // "-" is a file, never a directory; the directory beside it is searched as ever.
  RunResult both = run_edgeplan("check - examples/ci/specs --today 2026-11-26 < examples/ci/specs/payments-gateway-eu.json");
  CHECK(both.exit_code == 1);
  CHECK(contains(both.out, "PASS  <stdin>  payments-gateway-eu"));
  CHECK(contains(both.out, "PASS  examples/ci/specs/payments-gateway-eu.json  payments-gateway-eu"));
  CHECK(contains(both.out, "\n8 specs checked: 7 passed, 1 failed"));
}

TEST_CASE("check cli: usage and rule-pack errors write nothing", "[check-cli]") {
  const std::string dir = scratch_dir("usage");
  SECTION("two formats to stdout") {
    RunResult r = run_edgeplan("check examples/ci/specs --format text --format github");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "edgeplan: error: only one --format can go to stdout"));
  }
  SECTION("an output whose format cannot be told") {
    RunResult r = run_edgeplan("check examples/ci/specs -o " + dir + "/report");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "-o " + dir + "/report: no --format before it"));
  }
  SECTION("an output named by its extension") {
    RunResult r = run_edgeplan("check examples/ci/specs/payments-gateway-eu.json -o " + dir + "/r.sarif");
    CHECK(r.exit_code == 0);
    CHECK(validate_sarif(dir + "/r.sarif") == 0);
  }
  SECTION("a later pack that loosens an earlier one") {
    RunResult r = run_edgeplan("check examples/ci/specs --rules examples/ci/policy/org --rules tests/data/rulepacks/loosening --format sarif -o " +
                               dir + "/x.sarif");
    CHECK(r.exit_code == 3);
    CHECK(r.err ==
          "edgeplan: error: tests/data/rulepacks/loosening/team.json:5:49 (/rules/0/severity): rule \"org.pci.jurisdictions\" is \"error\" in "
          "examples/ci/policy/org/10-organisation.json; a later pack may raise a severity, not lower it to \"warning\"\n");
    CHECK_FALSE(std::filesystem::exists(dir + "/x.sarif"));
  }
  SECTION("a bad date") { CHECK(run_edgeplan("check examples/ci/specs --today 26.11.2026").exit_code == 2); }
  SECTION("a date no calendar has: waivers would expire against a day that does not exist") {
    const auto r = run_edgeplan("check examples/ci/specs --today 2026-02-30");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("expected a calendar date, YYYY-MM-DD") != std::string::npos);
    CHECK(r.out.empty());
  }
}

TEST_CASE("check cli: --jobs changes how many threads work, never the reports", "[check-cli][jobs]") {
  for (const std::string format : {"text", "sarif", "junit"}) {
    INFO(format);
    const RunResult one = run_edgeplan("check examples/ci/specs " + kPacks + " --format " + format + " --jobs 1");
    CHECK(one.exit_code == 1);
    CHECK(run_edgeplan("check examples/ci/specs " + kPacks + " --format " + format + " --jobs 4").out == one.out);
  }
}
