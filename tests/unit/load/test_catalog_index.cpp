// Catalog::find_site goes by an index made when the catalog loads; a catalog
// whose sites changed since must still find each site, and never another.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <edgeplan/catalog.hpp>

#include "fixtures.hpp"

using namespace edgeplan;

namespace {

// What find_site must return: the first site with the id, by a scan.
const Site* scanned(const Catalog& catalog, const std::string& id) {
  const auto it = std::find_if(catalog.sites.begin(), catalog.sites.end(), [&](const Site& s) { return s.id == id; });
  return it == catalog.sites.end() ? nullptr : &*it;
}

void check_every_site(const Catalog& catalog) {
  for (const Site& site : catalog.sites) {
    INFO(site.id);
    CHECK(catalog.find_site(site.id) == scanned(catalog, site.id));
  }
  CHECK(catalog.find_site("no-such-site") == nullptr);
  CHECK(catalog.find_site("") == nullptr);
}

}  // namespace

TEST_CASE("catalog: find_site finds every site of a loaded catalog") {
  const Catalog& catalog = test::default_catalog();
  REQUIRE(catalog.sites.size() > 100);
  check_every_site(catalog);
}

TEST_CASE("catalog: find_site stays right when the sites change after indexing") {
  Catalog catalog = test::default_catalog();  // a copy: the index comes along, positions and all
  check_every_site(catalog);
  // Reordered, renamed, removed and added, all without indexing again.
  std::mt19937 random(11);
  std::shuffle(catalog.sites.begin(), catalog.sites.end(), random);
  catalog.sites[0].id = "renamed-site";
  const std::string removed = catalog.sites[1].id;
  catalog.sites.erase(catalog.sites.begin() + 1);
  Site added = catalog.sites[2];
  added.id = "added-site";
  catalog.sites.push_back(added);
  check_every_site(catalog);
  CHECK(catalog.find_site(removed) == nullptr);
  CHECK(catalog.find_site("added-site") == &catalog.sites.back());
  // And indexed again.
  catalog.index_sites();
  check_every_site(catalog);
}
