// Catalog::find_site and find_metro go by indexes made when the catalog loads;
// a catalog whose sites or metros changed since must still find each one, and
// never another.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
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

// find_metro goes by an index of names and aliases too, compared ignoring case.
namespace {

bool same_ignoring_case(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// What find_metro must return: the first metro with the name or alias, by a scan.
const Metro* scanned_metro(const Catalog& catalog, const std::string& name) {
  const auto it = std::find_if(catalog.metros.begin(), catalog.metros.end(), [&](const Metro& m) {
    return same_ignoring_case(m.name, name) ||
           std::any_of(m.aliases.begin(), m.aliases.end(), [&](const std::string& a) { return same_ignoring_case(a, name); });
  });
  return it == catalog.metros.end() ? nullptr : &*it;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Every name and alias as written, in upper case, and a few no metro has.
std::size_t check_every_metro(const Catalog& catalog) {
  std::size_t names = 0;
  for (const Metro& metro : catalog.metros) {
    std::vector<std::string> asked = {metro.name, upper(metro.name)};
    for (const auto& alias : metro.aliases) asked.insert(asked.end(), {alias, upper(alias)});
    for (const std::string& name : asked) {
      INFO(name);
      CHECK(catalog.find_metro(name) == scanned_metro(catalog, name));
      CHECK(catalog.find_metro(name) != nullptr);
      ++names;
    }
  }
  for (const std::string name : {"no such metro", "", "Denver ", "Den"}) {
    INFO(name);
    CHECK(catalog.find_metro(name) == scanned_metro(catalog, name));
  }
  return names;
}

}  // namespace

TEST_CASE("catalog: find_metro finds every metro by name and alias, in any case") {
  const Catalog& catalog = test::default_catalog();
  REQUIRE(catalog.metros.size() > 100);
  CHECK(check_every_metro(catalog) > 2 * catalog.metros.size());
  REQUIRE(catalog.find_metro("denver") != nullptr);
  CHECK(catalog.find_metro("denver")->name == "Denver");
  CHECK(catalog.find_metro("Denver ") == nullptr);
}

TEST_CASE("catalog: find_metro stays right when the metros change after indexing") {
  Catalog catalog = test::default_catalog();
  std::mt19937 random(5);
  std::shuffle(catalog.metros.begin(), catalog.metros.end(), random);
  const std::string renamed = catalog.metros[0].name;
  catalog.metros[0].name = "Renamed Metro";
  catalog.metros[0].aliases.clear();
  Metro first = catalog.metros[3];  // a second metro of the same name, before it
  first.place.label = "the first of two";
  catalog.metros.insert(catalog.metros.begin(), first);
  check_every_metro(catalog);
  CHECK(catalog.find_metro(upper(first.name)) == &catalog.metros.front());
  CHECK(catalog.find_metro("renamed metro") == &catalog.metros[1]);
  CHECK(catalog.find_metro(renamed) == scanned_metro(catalog, renamed));
  catalog.index_metros();
  check_every_metro(catalog);
  CHECK(catalog.find_metro(first.name) == &catalog.metros.front());
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
