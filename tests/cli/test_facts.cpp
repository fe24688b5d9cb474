// `edgeplan facts`: the data each rule condition reads, per candidate option.
// End-to-end through the real binary, and checked against `recommend`: the
// default rules over an exported line must reproduce that option's exclusions.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <edgeplan/rules.hpp>
#include <edgeplan/rules.hpp>

#include "support.hpp"

namespace {

using edgeplan::test::run_edgeplan;
using nlohmann::json;

const char* kDenver = "examples/live-streaming-denver/workload.json";

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

const json* find_option(const std::vector<json>& lines, const std::string& id) {
  for (const auto& line : lines)
    if (line["option"]["id"] == id) return &line;
  return nullptr;
}

// "rule: message" of every exclusion, in order.
std::vector<std::string> reasons_of(const json& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f["rule"].get<std::string>() + ": " + f["message"].get<std::string>());
  return out;
}

std::vector<std::string> reasons_of(const std::vector<edgeplan::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + ": " + f.message);
  return out;
}

}  // namespace

TEST_CASE("facts: one JSON line per candidate, in catalog order, with what the rules read") {
  const auto run = run_edgeplan(std::string("facts ") + kDenver);
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  const auto lines = parse_lines(run.out);
  REQUIRE(lines.size() == 107);
  for (const auto& line : lines) {
    CHECK(line.size() == 3);
    CHECK(line.contains("workload"));
    CHECK(line.contains("option"));
    CHECK(line.contains("facts"));
  }
  CHECK(lines.front()["workload"]["name"] == "live-streaming-denver");
  const json* denver = find_option(lines, "us-west-2-den-1a");
  REQUIRE(denver != nullptr);
  CHECK((*denver)["option"]["kind"] == "local-zone");
  CHECK((*denver)["facts"]["residency"]["verdict"] == "unconstrained");
  const json& viewers = (*denver)["facts"]["latency"]["users"][0];
  CHECK(viewers["name"] == "Denver viewers");
  CHECK(viewers["rtt_compared_ms"].get<double>() == 21.8);  // p95 of fixed access in the metro: 10 ms typical, 25.6 pessimistic
  CHECK(viewers["required_ms"].get<double>() == 35.0);
  CHECK((*denver)["facts"]["services"]["from_parent_region"] == json::array({"S3"}));
}

TEST_CASE("facts: --option selects options and --format json prints one array") {
  SECTION("one option") {
    const auto run = run_edgeplan(std::string("facts ") + kDenver + " --option us-west-2-den-1a --format json");
    REQUIRE(run.exit_code == 0);
    const json array = json::parse(run.out);
    REQUIRE(array.size() == 1);
    CHECK(array[0]["option"]["id"] == "us-west-2-den-1a");
  }
  SECTION("several options keep catalog order") {
    const auto all = parse_lines(run_edgeplan(std::string("facts ") + kDenver).out);
    const auto run = run_edgeplan(std::string("facts ") + kDenver + " --option us-west-2-den-1a --option us-east-1");
    REQUIRE(run.exit_code == 0);
    const auto lines = parse_lines(run.out);
    REQUIRE(lines.size() == 2);
    std::vector<std::string> expected;
    for (const auto& line : all)
      if (line["option"]["id"] == "us-east-1" || line["option"]["id"] == "us-west-2-den-1a") expected.push_back(line["option"]["id"]);
    CHECK(lines[0]["option"]["id"] == expected[0]);
    CHECK(lines[1]["option"]["id"] == expected[1]);
  }
  SECTION("an unknown option id is a usage error with a suggestion") {
    const auto run = run_edgeplan(std::string("facts ") + kDenver + " --option us-west-2-den-1");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "edgeplan: error: --option: no option \"us-west-2-den-1\" among the 107 candidates\n"
                     "  hint: did you mean \"us-west-2-den-1a\"?\n");
  }
}

TEST_CASE("facts: bad input exits 3 with a diagnostic") {
  SECTION("malformed spec") {
    const auto run = run_edgeplan("facts tests/data/bad/malformed-json.json");
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
    CHECK(run.err.find("edgeplan: error: tests/data/bad/malformed-json.json:") == 0);
  }
  SECTION("missing spec") {
    const auto run = run_edgeplan("facts no/such/workload.json");
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
  }
}

TEST_CASE("facts: the default rules over an exported line reproduce the recommendation's exclusions") {
  const std::string spec = "examples/regulated-gaming-nj/workload.json";
  const auto lines = parse_lines(run_edgeplan("facts " + spec).out);
  const json report = json::parse(run_edgeplan("recommend " + spec + " --format json").out);
  const edgeplan::RuleSet rules = edgeplan::load_default_rules();
  const edgeplan::CompiledRules engine(rules, edgeplan::effective_weights(rules, {}));
  REQUIRE(report["excluded"].size() == 105);
  for (const auto& excluded : report["excluded"]) {
    const std::string id = excluded["option"]["id"];
    INFO("option " << id);
    const json* line = find_option(lines, id);
    REQUIRE(line != nullptr);
    edgeplan::Evaluation evaluation;
    evaluation.option = (*line)["option"];
    evaluation.facts = (*line)["facts"];
    json data = {{"workload", (*line)["workload"]}};
    engine.apply(evaluation, data);
    CHECK(reasons_of(evaluation.exclusions) == reasons_of(excluded["reasons"]));
  }
}
