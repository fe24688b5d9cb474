// Candidate options built from the workload and the catalog: the parent Region
// an Outpost is homed to.
#include <catch2/catch.hpp>

#include <edgeplan/candidates.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/workload_loader.hpp>

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

// build_candidates is the catalog's sites, then the workload's own options: a
// batch makes the first part once and the second per workload.
TEST_CASE("candidates: every candidate is a site candidate, then one of the workload's own, in order") {
  const Catalog& catalog = test::default_catalog();
  const std::vector<Candidate> sites = site_candidates(catalog);
  CHECK(are_site_candidates_of(sites, catalog));
  REQUIRE(sites.size() == catalog.sites.size());
  std::size_t own_total = 0;
  for (const char* example : {"examples/shared-outpost/workload.json", "examples/erp-onprem-database/workload.json",
                              "examples/region-is-enough/workload.json"}) {
    INFO(example);
    const RealFileSystem fs;
    const LoadedWorkload loaded = load_workload(read_json_file(fs, example), catalog);
    const Workload& w = loaded.workload;
    const std::vector<Candidate> all = build_candidates(w, catalog);
    const std::vector<Candidate> own = workload_candidates(w, catalog);
    REQUIRE(all.size() == sites.size() + own.size());
    own_total += own.size();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Candidate& c = i < sites.size() ? sites[i] : own[i - sites.size()];
      CHECK(all[i].id == c.id);
      CHECK(all[i].site == c.site);
      CHECK(all[i].form_factor == c.form_factor);
      CHECK(all[i].place.label == c.place.label);
    }
  }
  CHECK(own_total > 0);  // Outposts of the examples' own facilities
  // Another catalog's (a copy's), or a changed number of sites, are not this catalog's.
  const Catalog copy = catalog;
  CHECK_FALSE(are_site_candidates_of(site_candidates(copy), catalog));
  std::vector<Candidate> fewer = sites;
  fewer.pop_back();
  CHECK_FALSE(are_site_candidates_of(fewer, catalog));
}
