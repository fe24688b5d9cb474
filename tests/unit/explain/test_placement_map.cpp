// The map's model of one recommendation (explain/placement_map.cpp): every
// candidate with its verdict, the people and systems where the spec puts them,
// and a line from each to the winner carrying the RTT the decision compared.
#include <algorithm>

#include <catch2/catch.hpp>

#include <edgeplan/pipeline.hpp>
#include <edgeplan/placement_map.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

// Two user groups (Denver 80 %, Colorado Springs 20 %), a 35 ms budget at p95:
// the Denver Local Zone wins (examples/live-streaming-denver).
const char* kDenver = R"({
  "users": [
    {"name": "Denver viewers", "location": {"metro": "Denver"}, "share": 0.8, "access": "fixed"},
    {"name": "Colorado Springs viewers", "location": {"lat": 38.83, "lon": -104.82, "country": "US", "subdivision": "US-CO"}, "share": 0.2, "access": "cable"}
  ],
  "latency": {"users": {"max_rtt_ms": 35, "percentile": "p95"}},
  "services": {"local": ["EC2", "EBS"]},
  "compute": {"vcpu": 96, "memory_gib": 384, "instance_families": ["c5"]},
  "customer": {"support_plan": "business", "operates_hardware": false}
})";

}  // namespace

TEST_CASE("placement map: each candidate's role, the places and the links come from the report", "[map]") {
  const LoadedWorkload loaded = test::load_spec(kDenver);
  const Report report = recommend(loaded, Engine{test::default_catalog(), test::default_rules(), nullptr});
  REQUIRE(report.feasible());
  const PlacementMap map = placement_map(report);

  REQUIRE(map.sites.size() == report.evaluations.size());
  const MapSite* winner = map.winner();
  REQUIRE(winner);
  CHECK(winner->id == report.ranked.front().evaluation->candidate->id);
  CHECK(winner->id == "us-west-2-den-1a");
  CHECK(winner->rank == 1);
  CHECK(std::count_if(map.sites.begin(), map.sites.end(), [](const MapSite& s) { return s.role == MapRole::winner; }) == 1);
  // Every excluded site carries its first exclusion's summary, as the report counts it.
  for (const auto& x : report.excluded) {
    const auto& s = map.sites[static_cast<std::size_t>(x.evaluation - report.evaluations.data())];
    CHECK(s.role == MapRole::excluded);
    CHECK(s.reason == x.evaluation->exclusions.front().summary);
  }
  // The people where the spec put them: a metro's coordinates, or the stated point.
  REQUIRE(map.places.users.size() == 2);
  CHECK(map.places.users[1].point.lat == 38.83);
  CHECK(map.places.users[0].share == 0.8);
  // One line per user group to the winner, with the RTT the rules compared (p95).
  REQUIRE(map.links.size() == 2);
  const Json& users = report.ranked.front().evaluation->facts["latency"]["users"];
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(map.links[i].rtt_ms.value() == users[i]["rtt_compared_ms"].get<double>());
    CHECK(map.links[i].budget_ms.value() == 35);
    CHECK(map.links[i].to.lat == winner->point.lat);
  }
  // The budget's reach for a Local Zone: each group's reach holds the winner (it meets
  // the budget), and the fixed-access group reaches no further than allowed by 35 ms.
  CHECK(map.places.reach_kind == "local-zone");
  for (std::size_t i = 0; i < 2; ++i) {
    INFO(i);
    REQUIRE(map.places.users[i].reach_km.has_value());
    CHECK(distance_km(map.places.users[i].point, winner->point) <= *map.places.users[i].reach_km);
  }
}

TEST_CASE("placement map: with nothing eligible there is no winner, no links and no reach", "[map]") {
  // Residency in Pakistan, where AWS has no Region or zone and no facility is given.
  const LoadedWorkload loaded = test::load_spec(R"({
    "users": [{"name": "Karachi", "location": {"metro": "Karachi"}}],
    "latency": {"users": {"max_rtt_ms": 50}},
    "residency": {"countries": ["PK"]}
  })");
  const Report report = recommend(loaded, Engine{test::default_catalog(), test::default_rules(), nullptr});
  REQUIRE_FALSE(report.feasible());
  const PlacementMap map = placement_map(report);
  CHECK(map.winner() == nullptr);
  CHECK(map.links.empty());
  CHECK(map.places.reach_kind.empty());
  CHECK_FALSE(map.places.users[0].reach_km.has_value());
}
