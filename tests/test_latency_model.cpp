#include <catch2/catch.hpp>

#include <edgeplan/candidates.hpp>
#include <edgeplan/facts.hpp>
#include <edgeplan/latency_model.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

TEST_CASE("latency: path RTT is 2 d k / v for each end of k") {
  SECTION("a long path uses the long-haul inflation") {
    Range r = latency::path_rtt(1000);
    CHECK(r.low == Approx(2 * 1000 * 1.3 / 204));
    CHECK(r.typical == Approx(2 * 1000 * 2.1 / 204));
    CHECK(r.high == Approx(2 * 1000 * 2.5 / 204));
    CHECK(r.typical == Approx(20.588).epsilon(1e-4));
  }
  SECTION("a short path uses the larger detour factor") {
    Range r = latency::path_rtt(500);
    CHECK(r.low == Approx(2 * 500 * 1.3 / 204));
    CHECK(r.typical == Approx(2 * 500 * 2.5 / 204));
    CHECK(r.high == Approx(2 * 500 * 3.0 / 204));
  }
  SECTION("zero distance costs nothing") {
    Range r = latency::path_rtt(0);
    CHECK(r.low == 0);
    CHECK(r.high == 0);
  }
}

TEST_CASE("latency: RTT grows with distance") {
  double previous = -1;
  for (double km : {0.0, 10.0, 100.0, 999.0, 1000.0, 2000.0, 8000.0}) {
    INFO(km << " km");
    Range r = latency::path_rtt(km);
    CHECK(r.low <= r.typical);
    CHECK(r.typical <= r.high);
    if (km != 1000.0) CHECK(r.typical > previous);  // at 1000 km k drops from 2.5 to 2.1
    previous = r.typical;
  }
}

TEST_CASE("latency: access and site overheads") {
  auto same = [](Range a, Range b) { return a.low == b.low && a.typical == b.typical && a.high == b.high; };
  SECTION("last mile by access type") {
    CHECK(same(latency::access_overhead(AccessType::lan), {0, 0, 0}));
    CHECK(same(latency::access_overhead(AccessType::fiber), {5, 10, 15}));
    CHECK(same(latency::access_overhead(AccessType::cable), {10, 17, 26}));
    CHECK(same(latency::access_overhead(AccessType::dsl), {20, 27, 40}));
    CHECK(same(latency::access_overhead(AccessType::fixed), {5, 10, 26}));
    CHECK(same(latency::access_overhead(AccessType::mobile_4g), {20, 30, 50}));
    CHECK(same(latency::access_overhead(AccessType::mobile_5g), {6, 20, 50}));
  }
  SECTION("hops inside the site: a Region may cross AZs") {
    CHECK(same(latency::site_overhead(SiteKind::region), {0.3, 1.5, 3.5}));
    CHECK(same(latency::site_overhead(SiteKind::local_zone), {0.3, 1.0, 2.0}));
    CHECK(same(latency::site_overhead(SiteKind::outposts_rack), {0.3, 1.0, 2.0}));
  }
}

TEST_CASE("latency: great-circle distance") {
  CHECK(distance_km({0, 0}, {0, 0}) == 0);
  CHECK(distance_km({0, 0}, {0, 1}) == Approx(111.195).epsilon(1e-4));
  CHECK(distance_km({0, 0}, {0, 180}) == Approx(6371.0 * M_PI).epsilon(1e-6));
  CHECK(distance_km({39.74, -104.99}, {40.71, -74.01}) == Approx(distance_km({40.71, -74.01}, {39.74, -104.99})));
}

TEST_CASE("latency: estimate = path + last mile + site") {
  const Site* site = test::default_catalog().find_site("us-west-2-den-1a");
  REQUIRE(site);
  Candidate c;
  c.id = site->id;
  c.kind = site->kind;
  c.place = site->place;
  c.site = site;
  Place from;
  from.point = {site->place.point.lat + 1.0, site->place.point.lon};  // about 111 km north
  const double km = distance_km(from.point, c.place.point);
  const Range path = latency::path_rtt(km);
  SECTION("over the users' access network") {
    RttEstimate e = estimate_rtt(from, AccessType::cable, c, false);
    CHECK(e.distance_km == Approx(km));
    CHECK(e.source == "model");
    CHECK(e.rtt.low == Approx(path.low + 10 + 0.3));
    CHECK(e.rtt.typical == Approx(path.typical + 17 + 1.0));
    CHECK(e.rtt.high == Approx(path.high + 26 + 2.0));
  }
  SECTION("inside the carrier's network only the 5G radio segment counts") {
    RttEstimate e = estimate_rtt(from, AccessType::mobile_5g, c, true);
    CHECK(e.rtt.low == Approx(path.low + latency::kCarrierEdge5g.low + 0.3));
    CHECK(e.rtt.typical == Approx(path.typical + 8.0 + 1.0));
    CHECK(e.rtt.high == Approx(path.high + 12.0 + 2.0));
  }
}

TEST_CASE("latency: measured RTTs") {
  MemoryFileSystem fs;
  SECTION("a valid file") {
    fs.add("m.json", R"({"apiVersion": "edgeplan/v1", "kind": "LatencyMeasurements",
      "measurements": [{"from": "Denver viewers", "to": "us-west-2-den-1a", "rtt_ms": 4.2}]})");
    MeasuredLatency m = MeasuredLatency::load(fs, "m.json");
    CHECK(m.find("denver VIEWERS", "us-west-2-den-1a") == std::optional<double>(4.2));
    CHECK_FALSE(m.find("Denver viewers", "us-west-2"));
    CHECK(m.digest().size() == 64);
  }
  SECTION("a negative RTT") {
    fs.add("m.json", R"({"kind": "LatencyMeasurements", "measurements": [{"from": "a", "to": "b", "rtt_ms": -1}]})");
    CHECK(test::input_error_text([&] { MeasuredLatency::load(fs, "m.json"); }) ==
          "edgeplan: error: m.json:1:85 (/measurements/0/rtt_ms): expected a number >= 0, got -1\n");
  }
  SECTION("a missing file") {
    CHECK(test::input_error_text([&] { MeasuredLatency::load(fs, "none.json"); }) == "edgeplan: error: none.json: cannot read measured-latency file\n");
  }
}
