// The JSON report is a versioned contract: pin the fields consumers read.
#include <catch2/catch.hpp>
#include <set>

#include <edgeplan/pipeline.hpp>
#include <edgeplan/render.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

struct Run {
  LoadedWorkload workload;
  Report report;
};

// The whole pipeline in memory: Denver users, a tight budget and a residency limit.
const Run& denver_run() {
  static const Run run = [] {
    Run r{test::load_spec(R"({"users": [{"name": "Denver viewers", "location": {"metro": "Denver"}, "access": "fiber"}],
      "latency": {"users": {"max_rtt_ms": 35}}, "residency": {"countries": ["US"]}, "services": {"local": ["EC2"]}})"), {}};
    return r;
  }();
  return run;
}

const Report& denver_report() {
  static const Report report = recommend(denver_run().workload, Engine{test::default_catalog(), test::default_rules(), nullptr});
  return report;
}

}  // namespace

TEST_CASE("render: format names") {
  CHECK(format_names<Report>() == std::vector<std::string>{"text", "json", "markdown", "html", "svg"});
  CHECK(format_from_name("json") == std::optional<Format>(Format::json));
  CHECK(format_from_name("md") == std::optional<Format>(Format::markdown));
  CHECK_FALSE(format_from_name("yaml"));
}

TEST_CASE("render: the JSON report contract") {
  const Report& report = denver_report();
  REQUIRE(report.feasible());
  const Json j = report_json(report);
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["workload"] == "unit-test");
  CHECK(j["workload_file"] == "spec.json");
  CHECK(j["feasible"] == true);
  SECTION("recommendations") {
    REQUIRE_FALSE(j["recommendations"].empty());
    const Json& first = j["recommendations"][0];
    CHECK(first["rank"] == 1);
    for (const char* key : {"id", "kind", "name", "parent_region", "country", "subdivision"}) {
      INFO(key);
      CHECK(first["option"].contains(key));
    }
    CHECK(first["option"]["country"] == "US");
    CHECK(first["score"].is_number());
    CHECK(first["verdict"].is_string());
    CHECK(first["rationale"].is_array());
  }
  SECTION("excluded options carry reasons with numbers") {
    REQUIRE_FALSE(j["excluded"].empty());
    for (const auto& x : j["excluded"]) {
      REQUIRE_FALSE(x["reasons"].empty());
      for (const auto& reason : x["reasons"]) {
        for (const char* key : {"rule", "message", "measured", "required"}) {
          INFO(x["option"]["id"] << " " << key);
          CHECK(reason.contains(key));
        }
      }
    }
    auto outside = std::find_if(j["excluded"].begin(), j["excluded"].end(), [](const Json& x) { return x["option"]["id"] == "eu-west-1"; });
    REQUIRE(outside != j["excluded"].end());
    CHECK((*outside)["reasons"][0]["rule"] == "residency.country");
    CHECK((*outside)["reasons"][0]["measured"] == "IE");
  }
  SECTION("summary") {
    const Json& s = j["summary"];
    CHECK(s["text"] == report.summary);
    CHECK(s["candidates"] == report.evaluations.size());
    CHECK(s["eligible"].get<std::size_t>() + s["excluded"].get<std::size_t>() == s["candidates"].get<std::size_t>());
    CHECK(s["excluded_by"].is_array());
  }
  SECTION("provenance") {
    const Json& p = j["provenance"];
    CHECK(p["edgeplan_version"] == edgeplan_version());
    CHECK(p["catalog"]["origin"] == "embedded");
    CHECK(p["catalog"]["digest"].get<std::string>().rfind("sha256:", 0) == 0);
    CHECK(p["rules"]["digest"] == "sha256:" + test::default_rules().digest);
    CHECK(p["rules"]["files"] == test::default_rules().files);
    CHECK_FALSE(p.contains("measured_latency_digest"));
  }
  SECTION("the json format renders the same document") {
    CHECK(Json::parse(render(report, Format::json)) == j);
  }
}

TEST_CASE("render: every candidate ends ranked or excluded") {
  const Report& report = denver_report();
  CHECK(report.ranked.size() + report.excluded.size() == report.evaluations.size());
  for (const auto& x : report.excluded) CHECK_FALSE(x.evaluation->exclusions.empty());
}

TEST_CASE("render: explanation of one option") {
  const Report& report = denver_report();
  const Evaluation* e = report.find("us-west-2-den-1a");
  REQUIRE(e);
  Json j = explanation_json({report, *e, option_outlook(report, *e)});
  CHECK(j["schema_version"] == "1.0");
  CHECK(j["option"]["id"] == "us-west-2-den-1a");
  CHECK(j["facts"].contains("latency"));
  CHECK(j["rules"].size() >= test::default_rules().rules.size());  // one trace per rule, more for for_each rules
  CHECK(j["eligible"] == !e->excluded());
}

// The one format registry (src/core/render/registry.cpp): a name per format,
// file extensions that imply one, and which results each format prints.
TEST_CASE("format registry: names, extensions and the results each format prints", "[render][registry]") {
  std::set<std::string_view> names;
  for (const auto& info : format_table()) CHECK(names.insert(info.name).second);
  CHECK(format_from_path("out/edgeplan.sarif.json") == std::optional<Format>(Format::sarif));  // the longest extension wins
  CHECK(format_from_path("report.json") == std::optional<Format>(Format::json));
  CHECK(format_from_path("records.jsonl") == std::optional<Format>(Format::jsonl));
  CHECK_FALSE(format_from_path("README"));
  CHECK(format_names<Explanation>() == std::vector<std::string>{"text", "json", "markdown"});
  CHECK(format_names<CapacityReport>() == std::vector<std::string>{"text", "json", "markdown"});
  CHECK(format_names<FactsListing>() == std::vector<std::string>{"jsonl", "json"});
  CHECK(format_names<BatchResult>() == std::vector<std::string>{"jsonl", "csv"});
  CHECK(format_names<PortfolioSummary>() == std::vector<std::string>{"markdown", "text", "html"});
  CHECK(format_from_path("placement.html") == std::optional<Format>(Format::html));
  CHECK(format_from_path("map.svg") == std::optional<Format>(Format::svg));
  CHECK(format_names<RuleTestRun>() == std::vector<std::string>{"text", "json"});
  CHECK(format_names<RuleSet>() == std::vector<std::string>{"text", "json"});
  CHECK(find_renderer<BatchResult>(Format::csv)->header != nullptr);  // CSV streams a header first
  CHECK_THROWS_AS(render(Report{}, Format::sarif), std::logic_error);  // no SARIF for a recommendation
}
