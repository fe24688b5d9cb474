// The CI formats as GitHub and GitLab use them: SARIF results that never merge
// two findings into one alert and sit on the spec line they are about, with
// relative URIs; GitLab Code Quality with the fields its merge-request widget
// reads (validated against tests/data/schemas/gitlab-codequality.json).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "support.hpp"

using namespace edgeplan::test;
using json = nlohmann::json;

namespace {

const std::string kCiRun = "check examples/ci/specs --rules examples/ci/policy/org --rules examples/ci/policy/team --today 2026-06-01";
// Tokyo and Sydney players, 60 ms budget, us-east-1 proposed: the same latency
// rule fires once per city (physics: both are >100 ms round trips from Virginia).
const std::string kTwoCities = "tests/data/check/two-cities-over-budget.json";

bool valid_against(const std::string& schema, const std::string& document_text) {
  const std::string path = "/tmp/edgeplan-ci-format-" + std::to_string(::getpid()) + ".json";
  { std::ofstream(path) << document_text; }
  const std::string cmd = "python3 -c 'import json,sys,jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' '" +
                          source_path(schema) + "' '" + path + "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::remove(path.c_str());
  return status == 0;
}

}  // namespace

TEST_CASE("sarif: one fingerprint per finding, never shared, across the CI examples and per user group", "[check-cli][sarif]") {
  for (const std::string& run : {kCiRun, "check " + kTwoCities}) {
    const json sarif = json::parse(run_edgeplan(run + " --format sarif").out);
    std::set<std::string> seen;
    for (const auto& r : sarif["runs"][0]["results"]) {
      if (!r.contains("partialFingerprints")) continue;  // input errors
      INFO(r.dump());
      CHECK(seen.insert(r["partialFingerprints"]["edgeplanFinding/v2"].get<std::string>()).second);
    }
    CHECK(seen.size() >= 2);
  }
}

TEST_CASE("sarif: a user group's finding sits on that user group's line, URIs are relative to %SRCROOT%", "[check-cli][sarif]") {
  const json sarif = json::parse(run_edgeplan("check " + kTwoCities + " --format sarif").out);
  const auto& run = sarif["runs"][0];
  CHECK(run["originalUriBaseIds"].contains("%SRCROOT%"));
  CHECK_FALSE(run["originalUriBaseIds"]["%SRCROOT%"].contains("uri"));  // no machine path in the report
  std::set<std::string> items;
  for (const auto& r : run["results"]) {
    const auto& location = r["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"] == kTwoCities);
    CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    const std::string item = r["properties"]["item"];
    if (item.empty()) continue;
    items.insert(item);
    // users[0] (Tokyo) is on line 7 of the spec, users[1] (Sydney) on line 8.
    CHECK(location["region"]["startLine"] == (item == "Tokyo players" ? 7 : 8));
  }
  CHECK(items == std::set<std::string>{"Tokyo players", "Sydney players"});
}

TEST_CASE("sarif: an absolute spec path becomes relative to the working directory", "[check-cli][sarif]") {
  const json sarif = json::parse(run_edgeplan("check \"$PWD/" + kTwoCities + "\" --format sarif").out);
  const std::string uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  CHECK(uri == kTwoCities);
}

TEST_CASE("sarif: rule help has no unfilled {placeholders}", "[check-cli][sarif]") {
  const json sarif = json::parse(run_edgeplan(kCiRun + " --format sarif").out);
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    INFO(rule["id"]);
    CHECK(rule["help"]["text"].get<std::string>().find('{') == std::string::npos);
  }
}

TEST_CASE("gitlab-codequality: the fields GitLab reads, unique fingerprints, relative paths", "[check-cli][gitlab]") {
  const auto result = run_edgeplan(kCiRun + " --format gitlab-codequality");
  CHECK(result.exit_code == 1);
  REQUIRE(valid_against("tests/data/schemas/gitlab-codequality.json", result.out));
  const json issues = json::parse(result.out);
  REQUIRE(issues.size() >= 3);
  std::set<std::string> fingerprints;
  for (const auto& issue : issues) {
    CHECK(fingerprints.insert(issue["fingerprint"].get<std::string>()).second);
    CHECK(issue["location"]["path"].get<std::string>().rfind("examples/ci/specs/", 0) == 0);
  }
  // A blocking finding ranks above a warning in GitLab's widget.
  std::set<std::string> severities;
  for (const auto& issue : issues) severities.insert(issue["severity"]);
  CHECK(severities.count("critical") == 1);

  const json cities = json::parse(run_edgeplan("check " + kTwoCities + " --format gitlab-codequality").out);
  std::set<std::string> city_fingerprints;
  for (const auto& issue : cities) city_fingerprints.insert(issue["fingerprint"]);
  CHECK(city_fingerprints.size() == cities.size());
}

TEST_CASE("gitlab-codequality: an unreadable spec is a blocker on its line", "[check-cli][gitlab]") {
  const auto result = run_edgeplan("check tests/data/bad/negative-latency.json --format gitlab-codequality");
  CHECK(result.exit_code == 3);
  REQUIRE(valid_against("tests/data/schemas/gitlab-codequality.json", result.out));
  const json issues = json::parse(result.out);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0]["severity"] == "blocker");
  CHECK(issues[0]["check_name"] == "input.invalid");
  CHECK(issues[0]["location"]["lines"]["begin"] == 9);
}
