// Catalog::find_site goes by an index made when the catalog loads; a catalog
// whose sites changed since must still find each site, and never another.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

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

// The service index must answer every question as the sites' service sets and
// the Region table do (Catalog::stores_data), for every name any of them lists
// and for names none lists.
namespace {

void check_service_answers(const Catalog& catalog) {
  const ServiceIndex* index = catalog.service_index();
  REQUIRE(index != nullptr);
  std::set<std::string> names = {"*", "", "no-such-service", "ec2"};  // unlisted, and a case the sets do not have
  for (const Site& site : catalog.sites) {
    names.insert(site.services.local.begin(), site.services.local.end());
    names.insert(site.services.probable.begin(), site.services.probable.end());
    names.insert(site.services.unsupported.begin(), site.services.unsupported.end());
  }
  for (const auto& [name, stores] : catalog.regional_services) names.insert(name);
  std::size_t offered = 0, probable = 0, stored = 0;
  for (const std::string& name : names) {
    INFO(name);
    const std::uint32_t id = index->id(name);
    CHECK(index->stores_data(id) == catalog.stores_data(name));
    stored += catalog.stores_data(name);
    for (std::size_t i = 0; i < catalog.sites.size(); ++i) {
      const ServiceAvailability& s = catalog.sites[i].services;
      INFO(catalog.sites[i].id);
      const bool offers = s.all || s.local.count("*") > 0 || s.local.count(name) > 0;
      CHECK(index->offers(i, id) == offers);
      CHECK(index->probable(i, id) == (s.probable.count(name) > 0));
      offered += offers;
      probable += s.probable.count(name);
    }
  }
  // Not vacuous: the default catalog has each kind of answer.
  CHECK(offered > 0);
  CHECK(probable > 0);
  CHECK(stored > 0);
}

}  // namespace

TEST_CASE("catalog: the service index answers as the sites' service sets do") {
  const Catalog& catalog = test::default_catalog();
  check_service_answers(catalog);
  CHECK(catalog.service_index()->id("no-such-service") == ServiceIndex::kUnlisted);
  CHECK(catalog.service_index()->site_count() == catalog.sites.size());
}

TEST_CASE("catalog: a catalog whose sites were added or removed has no service index until indexed again") {
  Catalog catalog = test::default_catalog();
  catalog.sites.pop_back();
  CHECK(catalog.service_index() == nullptr);
  catalog.index_services();
  check_service_answers(catalog);
  Catalog empty;
  CHECK(empty.service_index() == nullptr);
}
