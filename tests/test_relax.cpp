// Relaxations ("what would make it eligible") must be true advice: applying a
// suggested JSON Patch to the spec and running the whole pipeline again must
// make the option eligible. Checked for every excluded option of every example
// and every scenario (tests/scenarios), and end to end through the binary's JSON output.
#include <filesystem>

#include <catch2/catch.hpp>

#include <edgeplan/relax.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {
namespace {

std::vector<std::string> example_specs() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("examples"))) {
    const auto spec = entry.path() / "workload.json";
    if (std::filesystem::exists(spec)) out.push_back(spec.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Evaluation* find_option(const Report& report, const std::string& id) {
  for (const auto& e : report.evaluations)
    if (e.candidate->id == id) return &e;
  return nullptr;
}

LoadedWorkload load_document(const Json& document) {
  return load_workload(JsonDocument::parse("patched.json", document.dump()), test::default_catalog());
}

// Every example's spec and every scenario's workload.
std::vector<std::pair<std::string, LoadedWorkload>> workloads() {
  std::vector<std::pair<std::string, LoadedWorkload>> out;
  for (const auto& path : example_specs()) out.emplace_back(path, load_workload_file(RealFileSystem(), path, test::default_catalog()));
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/scenarios")))
    if (entry.path().extension() == ".json")
      out.emplace_back(entry.path().string(), load_document(Json::parse(test::read_text(entry.path().string()))["workload"]));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace

TEST_CASE("relax: every suggested patch, applied to the spec, makes its option eligible", "[relax]") {
  const Engine engine{test::default_catalog(), test::default_rules()};
  int applied = 0, eligible = 0;
  for (const auto& [path, loaded] : workloads()) {
    const Report report = recommend(loaded, engine);
    for (const auto& x : report.excluded) {
      if (!x.relaxation) continue;
      INFO(path << ": " << x.evaluation->candidate->id << " with " << x.relaxation->patch.dump());
      ++applied;
      // Decision detail: eligibility is all this needs, decided as the full evaluation does.
      const Report relaxed = recommend(load_document(loaded.workload.spec.patch(x.relaxation->patch)), engine, Detail::decision);
      const Evaluation* e = find_option(relaxed, x.evaluation->candidate->id);
      REQUIRE(e != nullptr);
      CHECK_FALSE(e->excluded());
      if (!e->excluded()) ++eligible;
    }
  }
  WARN("relaxations: " << applied << " patches applied, " << eligible << " options made eligible");
  CHECK(applied > 500);
  CHECK(applied == eligible);
}

TEST_CASE("relax: a Wavelength Zone far away is never 'eligible if the users were its carrier's'", "[relax]") {
  // Fixed-access users in Denver cannot reach a Wavelength Zone, and even as
  // mobile users they would be too far from Boston's: no relaxation may
  // suggest changing who the users are, and none may ignore the distance.
  const auto loaded = test::load_spec(R"({"users": [{"name": "Denver viewers", "location": {"metro": "Denver"}, "access": "fiber"}],
    "latency": {"users": {"max_rtt_ms": 20}}})");
  const Engine engine{test::default_catalog(), test::default_rules()};
  const Report report = recommend(loaded, engine);
  for (const auto& n : report.near_misses) {
    INFO(n.evaluation->candidate->id);
    CHECK(n.evaluation->candidate->kind != SiteKind::wavelength_zone);
  }
}

TEST_CASE("relax: masked constraints join the change (reachability, then distance)", "[relax]") {
  // A requirement the first exclusion hid must be part of the suggested change:
  // lifting only the latency budget for an Outpost whose facility lacks power
  // would not make it eligible.
  const auto loaded = test::load_spec(R"({"users": [{"name": "Plant", "location": {"metro": "Chicago"}, "access": "fiber"}],
    "latency": {"users": {"max_rtt_ms": 100}, "dependencies": [{"name": "MES", "facility": "plant", "max_rtt_ms": 0.5}]},
    "customer": {"support_plan": "enterprise", "operates_hardware": true, "facilities": [
      {"id": "plant", "location": {"metro": "Chicago"}, "power_kva": 1, "rack_units": 42, "uplinks": {"count": 4, "speed_gbps": 10},
       "service_link_mbps": 1000}]}})");
  const Engine engine{test::default_catalog(), test::default_rules()};
  const Report report = recommend(loaded, engine);
  const Evaluation* rack = find_option(report, "plant/rack-gen2-single");
  REQUIRE(rack != nullptr);
  REQUIRE(rack->excluded());
  auto relaxation = find_relaxation(*rack, loaded, engine);
  REQUIRE(relaxation.has_value());
  bool power = false;
  for (const auto& op : relaxation->patch) power = power || op["path"] == "/spec/customer/facilities/0/power_kva";
  CHECK(power);
}

TEST_CASE("relax: the JSON report's near-miss patches work end to end", "[relax][cli]") {
  const auto spec_path = test::source_path("examples/live-streaming-denver/workload.json");
  const auto run = test::run_edgeplan("recommend examples/live-streaming-denver/workload.json --format json");
  REQUIRE(run.exit_code == 0);
  const Json report = Json::parse(run.out);
  REQUIRE(!report["near_misses"].empty());
  const Json spec = Json::parse(test::read_text(spec_path));
  const Engine engine{test::default_catalog(), test::default_rules()};
  for (const auto& n : report["near_misses"]) {
    INFO(n.dump());
    const Report relaxed = recommend(load_document(spec.patch(n["patch"])), engine);
    const Evaluation* e = find_option(relaxed, n["option"]["id"].get<std::string>());
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->excluded());
  }
}

}  // namespace edgeplan
