// Relaxations ("what would make it eligible") must be true advice: applying a
// suggested JSON Patch to the spec and running the whole pipeline again must
// make the option eligible. Checked for every excluded option of every example
// and every scenario (tests/scenarios); end to end through the binary's JSON
// output, and the words users read, in tests/cli/test_recommend.cpp.
#include <filesystem>

#include <catch2/catch.hpp>

#include <edgeplan/relax.hpp>
#include <edgeplan/render.hpp>

#include "fixtures.hpp"
#include "support.hpp"

namespace edgeplan {
namespace {

// Every example's spec and every scenario's workload.
std::vector<std::pair<std::string, LoadedWorkload>> workloads() {
  std::vector<std::pair<std::string, LoadedWorkload>> out;
  for (const auto& path : test::example_specs()) out.emplace_back(path, load_workload_file(RealFileSystem(), path, test::default_catalog()));
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/scenarios")))
    if (entry.path().extension() == ".json")
      out.emplace_back(entry.path().string(), test::load_document(Json::parse(test::read_text(entry.path().string()))["workload"]));
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
      const Report relaxed = recommend(test::load_document(loaded.workload.spec.patch(x.relaxation->patch)), engine, Detail::decision);
      const Evaluation* e = relaxed.find(x.evaluation->candidate->id);
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

TEST_CASE("relax: a constraint the first exclusion masked joins the change", "[relax]") {
  // A room with 1 kVA fails the rack's 10 kVA minimum (outposts.power); that
  // exclusion masks the power the demand needs (capacity.power-for-demand only
  // reads a facility that meets the minimum). Raising the room to 10 kVA alone
  // would not do: the relaxation must ask for what the sized Outpost draws.
  const auto loaded = test::load_spec(R"({"users": [{"name": "Plant", "location": {"metro": "Chicago"}, "access": "fiber"}],
    "latency": {"users": {"max_rtt_ms": 100}}, "compute": {"vcpu": 3000, "memory_gib": 12000},
    "customer": {"support_plan": "enterprise", "operates_hardware": true, "facilities": [
      {"id": "plant", "location": {"metro": "Chicago"}, "power_kva": 1, "rack_units": 420, "uplinks": {"count": 4, "speed_gbps": 10},
       "service_link_mbps": 1000}]}})");
  const Engine engine{test::default_catalog(), test::default_rules()};
  const Report report = recommend(loaded, engine);
  const Evaluation* rack = report.find("plant/rack-gen2-multi");
  REQUIRE(rack != nullptr);
  REQUIRE(rack->excluded());
  REQUIRE(rack->exclusions.size() == 1);
  CHECK(rack->exclusions[0].rule == "outposts.power");
  auto relaxation = find_relaxation(*rack, loaded, engine);
  REQUIRE(relaxation.has_value());
  double power = 0;
  for (const auto& op : relaxation->patch)
    if (op["path"] == "/spec/customer/facilities/0/power_kva") power = op["value"].get<double>();
  CHECK(power > rack->exclusions[0].required.get<double>());
  CHECK(relaxation->changes.size() == 2);  // the minimum, then what the demand draws
}

// Everything recommend() decided: the JSON and text reports, and every
// excluded option in its order with its relaxation's patch and distance.
std::vector<std::string> decided(const LoadedWorkload& loaded, const Engine& engine) {
  const Report report = recommend(loaded, engine);
  std::vector<std::string> out{render(report, Format::json), render(report, Format::text)};
  for (const auto& x : report.excluded)
    out.push_back(x.evaluation->candidate->id + " " + (x.relaxation ? x.relaxation->patch.dump() + " " + std::to_string(x.relaxation->distance) : "none"));
  return out;
}

TEST_CASE("determinism: a recommendation on 1 thread and on 4 is the same report", "[relax][jobs]") {
  // Full detail evaluates the candidates, then checks the excluded options'
  // relaxations, in parallel (Engine::threads); each writes only its own slot
  // and the lists are ordered after, so the thread count cannot show.
  Engine one{test::default_catalog(), test::default_rules()}, four{test::default_catalog(), test::default_rules()};
  one.threads = 1;
  four.threads = 4;
  std::ptrdiff_t relaxed = 0;
  for (const auto& path : test::example_specs()) {
    INFO(path);
    const LoadedWorkload loaded = load_workload_file(RealFileSystem(), path, test::default_catalog());
    const std::vector<std::string> serial = decided(loaded, one);
    CHECK(decided(loaded, four) == serial);
    relaxed += std::count_if(serial.begin() + 2, serial.end(), [](const std::string& x) { return x.find(" none") == std::string::npos; });
  }
  CHECK(relaxed > 100);
}

TEST_CASE("relax: a report with relaxations skipped differs from the full one by its near misses alone", "[relax]") {
  // check and rule tests skip the relaxations (Relaxations::skipped): every
  // other part of the report, fallback plan and places included, must be the
  // full report's, as its JSON shows them. Only the order of the excluded
  // options may differ, as the full report lists the nearest first.
  const Engine engine{test::default_catalog(), test::default_rules()};
  const auto by_option = [](Json& report) {
    auto& excluded = report["excluded"].get_ref<Json::array_t&>();
    std::sort(excluded.begin(), excluded.end(), [](const Json& a, const Json& b) { return a["option"]["id"] < b["option"]["id"]; });
  };
  std::size_t near_misses = 0;
  for (const auto& [path, loaded] : workloads()) {
    INFO(path);
    const Report full = recommend(loaded, engine);
    const Report skipped = recommend(loaded, engine, Detail::full, false, Relaxations::skipped);
    CHECK(skipped.near_misses.empty());
    CHECK(std::none_of(skipped.excluded.begin(), skipped.excluded.end(), [](const ExcludedOption& x) { return x.relaxation.has_value(); }));
    Json with = Json::parse(render(full, Format::json)), without = Json::parse(render(skipped, Format::json));
    near_misses += with["near_misses"].size();
    with.erase("near_misses");
    without.erase("near_misses");
    by_option(with);
    by_option(without);
    CHECK(with == without);
  }
  CHECK(near_misses > 20);  // the full reports had some to leave out
}

}  // namespace edgeplan
