// Candidate options built from the workload and the catalog: the parent Region
// an Outpost is homed to.
#include <catch2/catch.hpp>

#include <edgeplan/candidates.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

const std::string kUsers = R"("users": [{"name": "Denver viewers", "location": {"metro": "Denver"}}])";

}  // namespace

TEST_CASE("candidates: an Outpost's default parent Region respects residency, then the services it needs") {
  auto parent_of = [](const std::string& spec, const std::string& id) {
    auto loaded = test::load_spec(spec);
    for (const auto& c : build_candidates(loaded.workload, test::default_catalog()))
      if (c.id == id) return c.parent_region.value_or("");
    return std::string("(no candidate)");
  };
  const std::string facility = R"("customer": {"facilities": [{"id": "dc", "location": {"lat": 45.50, "lon": -73.57, "country": "CA"}}]})";
  SECTION("nearest Region when residency does not constrain it") {
    CHECK(parent_of("{" + kUsers + ", " + facility + "}", "dc/rack-gen2-single") == "ca-central-1");
  }
  SECTION("a Region inside the allowed countries before a nearer one abroad") {
    // A Montreal facility with data that must stay in the US is homed to a US Region, not to Montreal's ca-central-1.
    const std::string parent = parent_of("{" + kUsers + R"(, "residency": {"countries": ["US"]}, )" + facility + "}", "dc/rack-gen2-single");
    CHECK(test::default_catalog().find_site(parent)->place.country == "US");
  }
  SECTION("a declared parent Region is kept") {
    const std::string declared = R"("customer": {"facilities": [{"id": "dc", "location": {"lat": 45.50, "lon": -73.57, "country": "CA"}, "parent_region": "us-east-1"}]})";
    CHECK(parent_of("{" + kUsers + ", " + declared + "}", "dc/rack-gen2-single") == "us-east-1");
  }
}
