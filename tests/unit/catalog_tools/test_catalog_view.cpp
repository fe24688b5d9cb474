// catalog_view: what a catalog knows, fact by fact with its source, and what
// changed between two catalogs. Small overlays in memory over the default catalog.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/catalog_view.hpp>
#include <edgeplan/file_system.hpp>

#include "fixtures.hpp"

using namespace edgeplan;
using edgeplan::test::default_catalog;

namespace {

const std::string kAccountSource = "account 111122223333: aws ec2 describe-availability-zones (us-west-2), captured 2026-12-01T09:30:00Z";
const std::string kOfferingsSource = "account 111122223333: aws ec2 describe-instance-type-offerings (us-west-2), captured 2026-12-01T09:30:00Z";
const std::string kDocumentation = "AWS documentation (default catalog)";

// An overlay around `body` (the JSON members after the header), loaded as `overlay.json`.
Catalog load_overlay(const std::string& body) {
  MemoryFileSystem fs;
  fs.add("overlay.json", R"j({"apiVersion": "edgeplan/v1", "kind": "Catalog", "extends": "default",
    "metadata": {"name": "account-111122223333", "version": "2026-12-01T09:30:00Z", "date": "2026-12-01"},
    "account": {"id": "111122223333", "captured_at": "2026-12-01T09:30:00Z", "captured_at_basis": "manifest",
                "regions": ["us-west-2"], "gaps": ["measured latency: none"]})j" +
                             body + "}");
  return load_catalog_file(fs, "overlay.json");
}

// Den-1a as the account saw it: opted in, and offering two families.
const std::string kDenFacts = R"j(, "site_facts": {"us-west-2-den-1a": {
    "seen": true, "opt_in_status": "opted-in", "zone_group": "us-west-2-den-1",
    "instance_families": {"families": ["c5", "m5"], "instance_types": ["c5.large", "m5.large"]},
    "sources": ["aws ec2 describe-availability-zones (us-west-2)", "aws ec2 describe-instance-type-offerings (us-west-2)"]}})j";

const CatalogEntry& entry(const CatalogListing& listing, const std::string& id) {
  auto it = std::find_if(listing.entries.begin(), listing.entries.end(), [&](const CatalogEntry& e) { return e.id == id; });
  INFO("entry " << id);
  REQUIRE(it != listing.entries.end());
  return *it;
}

const CatalogFact& fact(const CatalogEntry& e, const std::string& name) {
  const CatalogFact* f = e.find(name);
  INFO("entry " << e.id << ", fact " << name);
  REQUIRE(f != nullptr);
  return *f;
}

std::vector<std::string> fact_names(const CatalogChange& c) {
  std::vector<std::string> out;
  for (const auto& f : c.facts) out.push_back(f.name);
  return out;
}

std::vector<std::string> change_ids(const CatalogDiff& diff) {
  std::vector<std::string> out;
  for (const auto& c : diff.changes) out.push_back(c.change + " " + c.id);
  return out;
}

}  // namespace

TEST_CASE("catalog view: the default catalog lists every site, each fact from the documentation") {
  const CatalogListing listing = list_catalog(default_catalog());
  CHECK(listing.entries.size() == default_catalog().sites.size());
  CHECK_FALSE(listing.account);
  const CatalogEntry& den = entry(listing, "us-west-2-den-1a");
  CHECK(den.kind == "local-zone");
  CHECK(fact(den, "opt_in").value == "required");
  CHECK(fact(den, "opt_in").basis == "catalog");
  CHECK(fact(den, "opt_in").source == kDocumentation);
  CHECK(fact(den, "instance_families").value == FactValue{{"knowledge", "unknown"}, {"families", FactValue::array()}});
  CHECK(fact(den, "instance_types").value.is_null());  // not listed: unknown, never "none"
  CHECK(fact(den, "location").value["metro"] == "Denver");
  CHECK(den.find("seen") == nullptr);  // only an account says whether it sees a zone
  const CatalogEntry& oregon = entry(listing, "us-west-2");
  CHECK(fact(oregon, "opt_in").value == "not-required");
  CHECK(oregon.find("parent_region") == nullptr);
  CHECK(fact(entry(listing, "af-south-1"), "opt_in").value == "required");
}

TEST_CASE("catalog view: account facts for a zone are stated by the account, each with its command") {
  const CatalogListing listing = list_catalog(load_overlay(kDenFacts));
  REQUIRE(listing.account);
  CHECK(listing.account->id == "111122223333");
  const CatalogEntry& den = entry(listing, "us-west-2-den-1a");
  SECTION("instance families observed: knowledge known, from the offerings") {
    const CatalogFact& families = fact(den, "instance_families");
    CHECK(families.value == FactValue{{"knowledge", "known"}, {"families", {"c5", "m5"}}});
    CHECK(families.basis == "account");
    CHECK(families.source == kOfferingsSource);
    CHECK(fact(den, "instance_types").value == FactValue{"c5.large", "m5.large"});
  }
  SECTION("opt-in and visibility from the zone list") {
    CHECK(fact(den, "opt_in").value == "opted-in");
    CHECK(fact(den, "opt_in").source == kAccountSource);
    CHECK(fact(den, "seen").value == true);
    CHECK(fact(den, "zone_group").basis == "account");
  }
  SECTION("what the account did not say stays the documentation's") {
    CHECK(fact(den, "services").source == kDocumentation);
    CHECK(fact(den, "state").value == "available");
    CHECK(fact(den, "state").basis == "catalog");
    CHECK(den.find("zone_id") == nullptr);
  }
}

TEST_CASE("catalog view: a site an overlay adds names the overlay as its source") {
  const CatalogListing listing = list_catalog(load_overlay(R"j(, "sites": [{"id": "us-west-2-boi-1a", "kind": "local-zone",
      "name": "US West (Boise) 1", "parent_region": "us-west-2", "country": "US", "metro": "Boise", "lat": 43.62, "lon": -116.2}])j"));
  const CatalogEntry& boise = entry(listing, "us-west-2-boi-1a");
  CHECK(fact(boise, "name").source == "catalog file overlay.json");
  CHECK(fact(boise, "location").value == FactValue{{"metro", "Boise"}, {"country", "US"}, {"subdivision", nullptr}, {"lat", 43.62}, {"lon", -116.2}});
  CHECK(fact(entry(listing, "us-west-2-den-1a"), "name").source == kDocumentation);
}

TEST_CASE("catalog view: existing Outposts and measured RTTs are entries stated by the account") {
  const CatalogListing listing = list_catalog(load_overlay(R"j(,
    "existing_outposts": [{"id": "op-1", "name": "rack-1", "home_region": "us-east-1", "hardware": "RACK",
      "site": {"id": "os-1", "city": "Ashburn", "power_kva": 15},
      "sources": ["aws outposts list-outposts (us-east-1)", "aws outposts list-sites (us-east-1)"]}],
    "measured_rtts": [{"from": "us-west-2-den-1a", "to": "us-west-2", "rtt_ms": 23.4, "period": "one-week",
      "source": "aws ec2 get-aws-network-performance-data (us-west-2)"}])j"));
  const CatalogEntry& outpost = entry(listing, "op-1");
  CHECK(outpost.kind == "outpost");
  CHECK(fact(outpost, "hardware").source == "account 111122223333: aws outposts list-outposts (us-east-1), captured 2026-12-01T09:30:00Z");
  CHECK(fact(outpost, "rack").value["power_kva"] == 15);
  CHECK(fact(outpost, "rack").source == "account 111122223333: aws outposts list-sites (us-east-1), captured 2026-12-01T09:30:00Z");
  CHECK(fact(outpost, "instance_types").value.is_null());  // get-outpost-instance-types not imported
  const CatalogEntry& rtt = entry(listing, "us-west-2-den-1a/us-west-2");
  CHECK(rtt.kind == "measured-rtt");
  CHECK(fact(rtt, "rtt_ms").value == 23.4);
  CHECK(fact(rtt, "rtt_ms").basis == "account");
}

TEST_CASE("catalog view: the filter selects by id and kind, in catalog order") {
  const Catalog& catalog = default_catalog();
  SECTION("ids") {
    const CatalogListing listing = list_catalog(catalog, {{"us-west-2-den-1a", "us-east-1"}, std::nullopt});
    REQUIRE(listing.entries.size() == 2);
    CHECK(listing.entries[0].id == "us-east-1");
    CHECK(listing.entries[1].id == "us-west-2-den-1a");
  }
  SECTION("kind") {
    const CatalogListing listing = list_catalog(catalog, {{}, std::string("wavelength-zone")});
    CHECK_FALSE(listing.entries.empty());
    for (const auto& e : listing.entries) CHECK(e.kind == "wavelength-zone");
  }
  SECTION("an unknown id is a usage error that names the closest") {
    CHECK_THROWS_WITH(list_catalog(catalog, {{"us-west-2-den-1b"}, std::nullopt}),
                      "--site: no site or other entry \"us-west-2-den-1b\" in catalog aws-default 2026.11.26\n"
                      "  hint: did you mean \"us-west-2-den-1a\"?");
  }
}

TEST_CASE("catalog diff: a catalog against itself has no changes") {
  const CatalogDiff diff = diff_catalogs(default_catalog(), default_catalog());
  CHECK(diff.changes.empty());
  CHECK(diff.before.digest == diff.after.digest);
}

TEST_CASE("catalog diff: default against an account overlay lists exactly the facts the account changed") {
  const Catalog overlay = load_overlay(kDenFacts);
  const CatalogDiff diff = diff_catalogs(default_catalog(), overlay);
  REQUIRE(change_ids(diff) == std::vector<std::string>{"changed catalog", "changed us-west-2-den-1a"});
  const CatalogChange& metadata = diff.changes[0];
  CHECK(fact_names(metadata) == std::vector<std::string>{"name", "version", "date", "account", "captured_at", "captured_at_basis", "regions", "gaps"});
  const CatalogChange& den = diff.changes[1];
  CHECK(den.kind == "local-zone");
  // zone_group: the account says what the documentation implied, so it is no change.
  REQUIRE(fact_names(den) == std::vector<std::string>{"opt_in", "seen", "instance_families", "instance_types"});
  CHECK(den.facts[0].before == "required");
  CHECK(den.facts[0].after == "opted-in");
  CHECK(den.facts[0].source_after == kAccountSource);
  CHECK(den.facts[1].before.is_null());
  CHECK(den.facts[1].after == true);
  CHECK(den.facts[2].before == FactValue{{"knowledge", "unknown"}, {"families", FactValue::array()}});
  CHECK(den.facts[2].after == FactValue{{"knowledge", "known"}, {"families", {"c5", "m5"}}});
  CHECK(den.facts[2].source_after == kOfferingsSource);
  CHECK(diff.count("changed") == 2);
}

TEST_CASE("catalog diff: the other way round, added entries are removed and every fact goes") {
  const Catalog overlay = load_overlay(kDenFacts + R"j(, "existing_outposts": [{"id": "op-1", "home_region": "us-east-1"}])j");
  const CatalogDiff forward = diff_catalogs(default_catalog(), overlay);
  CHECK(change_ids(forward) == std::vector<std::string>{"changed catalog", "changed us-west-2-den-1a", "added op-1"});
  const CatalogDiff back = diff_catalogs(overlay, default_catalog());
  REQUIRE(change_ids(back) == std::vector<std::string>{"changed catalog", "changed us-west-2-den-1a", "removed op-1"});
  const CatalogChange& removed = back.changes[2];
  CHECK(removed.kind == "outpost");
  for (const auto& f : removed.facts) {
    CHECK(f.after.is_null());
    CHECK(f.source_after.empty());
  }
  CHECK(back.changes[1].facts[0].after == "required");
  CHECK(back.changes[1].facts[0].source_after == kDocumentation);
}

TEST_CASE("catalog diff: the same value from a new source is no change") {
  const Catalog overlay = load_overlay(R"j(, "site_facts": {"us-west-2": {"seen": true, "opt_in_status": "opt-in-not-required",
      "sources": ["aws ec2 describe-regions"]}})j");
  const CatalogDiff diff = diff_catalogs(default_catalog(), overlay);
  REQUIRE(change_ids(diff) == std::vector<std::string>{"changed catalog", "changed us-west-2"});
  CHECK(fact_names(diff.changes[1]) == std::vector<std::string>{"seen"});
  CHECK(diff.changes[1].facts[0].source_after == "account 111122223333: aws ec2 describe-regions, captured 2026-12-01T09:30:00Z");
}
