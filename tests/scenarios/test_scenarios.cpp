// The domain scenario suite: placement cases written from AWS's decision
// guidance and documentation (each file under tests/scenarios/ states its
// source and reasoning), run through the whole pipeline with the embedded
// catalog and rules. Each asserts the decision and the key reason, never
// edgeplan's own output. tests/scenarios/README.md describes the format.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include <edgeplan/pipeline.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {
namespace {

bool has_rule(const std::vector<Finding>& findings, const std::string& rule) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

std::string rules_of(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += (out.empty() ? "" : ", ") + f.rule;
  return out.empty() ? "none" : out;
}

std::vector<std::filesystem::path> scenario_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/scenarios")))
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void check_expectation(const Report& report, const Json& expect) {
  const std::string top = report.feasible() ? report.ranked[0].evaluation->candidate->id : "(none)";
  const std::string top_kind = report.feasible() ? report.ranked[0].evaluation->option["kind"].get<std::string>() : "(none)";
  INFO("top option: " << top << " (" << top_kind << "); " << report.summary);
  CHECK(report.feasible() == (expect.value("decision", "placement") == "placement"));
  if (expect.contains("top_kind")) CHECK(top_kind == expect["top_kind"].get<std::string>());
  if (expect.contains("top_any_of")) {
    const auto& allowed = expect["top_any_of"];
    CHECK(std::find(allowed.begin(), allowed.end(), top) != allowed.end());
  }
  for (const auto& kind : expect.value("not_top_kind", Json::array())) CHECK(top_kind != kind.get<std::string>());
  for (const auto& x : expect.value("excluded", Json::array())) {
    const Evaluation* e = report.find(x["option"].get<std::string>());
    INFO("option " << x["option"] << " must be excluded by " << x["rule"]);
    REQUIRE(e != nullptr);
    INFO("its exclusions: " << rules_of(e->exclusions));
    CHECK(has_rule(e->exclusions, x["rule"].get<std::string>()));
  }
  for (const auto& id : expect.value("eligible", Json::array())) {
    const Evaluation* e = report.find(id.get<std::string>());
    INFO("option " << id << " must be eligible");
    REQUIRE(e != nullptr);
    INFO("its exclusions: " << rules_of(e->exclusions));
    CHECK_FALSE(e->excluded());
  }
  for (const auto& x : expect.value("conditions", Json::array())) {
    const Evaluation* e = report.find(x["option"].get<std::string>());
    INFO("option " << x["option"] << " must carry condition " << x["rule"]);
    REQUIRE(e != nullptr);
    INFO("its exclusions: " << rules_of(e->exclusions) << "; its warnings: " << rules_of(e->warnings));
    CHECK_FALSE(e->excluded());
    CHECK(has_rule(e->warnings, x["rule"].get<std::string>()));
  }
}

}  // namespace

TEST_CASE("scenarios: every placement case from AWS guidance decides as the guidance says", "[scenarios]") {
  const auto files = scenario_files();
  REQUIRE(files.size() >= 25);
  const Engine engine{test::default_catalog(), test::default_rules()};
  for (const auto& path : files) {
    const Json scenario = Json::parse(test::read_text(path.string()));
    SECTION(path.filename().string()) {
      INFO(path.filename().string() << ": " << scenario["scenario"].get<std::string>());
      REQUIRE(scenario.contains("source"));
      REQUIRE(scenario.contains("reasoning"));
      const LoadedWorkload loaded =
          load_workload(JsonDocument::parse(path.filename().string(), scenario["workload"].dump()), test::default_catalog());
      check_expectation(recommend(loaded, engine), scenario["expect"]);
    }
  }
}

}  // namespace edgeplan
