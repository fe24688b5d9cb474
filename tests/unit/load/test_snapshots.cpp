// The embedded defaults' build-time snapshots (edgeplan/util/snapshots.hpp): each
// must be exactly what its embedded JSON builds, or every start would advise
// from a different catalog, route graph or instance list than rules/catalog/ holds.
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include <edgeplan/catalog_loader.hpp>
#include <edgeplan/catalog_snapshot.hpp>
#include <edgeplan/file_system.hpp>
#include <edgeplan/instance_catalog.hpp>
#include <edgeplan/latency_model.hpp>
#include <edgeplan/util/snapshots.hpp>

#include "support.hpp"
#include "util/embedded.hpp"

using namespace edgeplan;
using edgeplan::test::refusal;

namespace {

std::string source_path(const std::string& relative) { return std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative; }

std::string catalog_refusal(const std::string& bytes) { return refusal(read_catalog_snapshot, bytes); }

}  // namespace

TEST_CASE("catalog snapshot: the embedded snapshot is the catalog the embedded JSON builds", "[catalog][snapshot]") {
  const std::string_view embedded = built_snapshots().catalog;
  REQUIRE_FALSE(embedded.empty());
  // Byte for byte: every member of every site, form factor, metro and fact.
  CHECK(write_catalog_snapshot(build_default_catalog()) == std::string(embedded));
}

TEST_CASE("catalog snapshot: load_default_catalog reads every member back", "[catalog][snapshot]") {
  const Catalog built = build_default_catalog();
  const Catalog loaded = load_default_catalog();
  CHECK(write_catalog_snapshot(loaded) == write_catalog_snapshot(built));
  REQUIRE(loaded.sites.size() == built.sites.size());
  CHECK(loaded.sites.size() > 100);
  CHECK(loaded.info.digest == built.info.digest);
  CHECK(loaded.info.origin == "embedded");
  CHECK(loaded.metros.size() == built.metros.size());
  // Spot checks of what a wrong order of members would scramble.
  const Site* den = loaded.find_site("us-west-2-den-1a");
  REQUIRE(den != nullptr);
  CHECK(den->kind == SiteKind::local_zone);
  CHECK(den->parent_region == std::optional<std::string>("us-west-2"));
  CHECK(den->place.country == "US");
  CHECK(den->place.point.lat == built.find_site("us-west-2-den-1a")->place.point.lat);
  CHECK(den->status == std::optional<std::string>("available"));
  CHECK(den->defined_in == "embedded");
  // SOURCES.md: Casablanca and Dakar's Wavelength Zones accept traffic from the Internet.
  std::size_t open = 0;
  for (const Site& s : loaded.sites) open += s.inbound_from_internet;
  CHECK(open >= 2);
  CHECK(loaded.outposts.form_factors.size() == built.outposts.form_factors.size());
  CHECK(loaded.regional_services == built.regional_services);
}

TEST_CASE("catalog snapshot: an account view's parts are written and read back", "[catalog][snapshot]") {
  // Overlays fill what the default catalog leaves empty: the account, its
  // Outposts, their form factors, rack configurations and measured RTTs.
  RealFileSystem fs;
  for (const char* file : {"tests/data/account/existing-outposts.json", "tests/data/catalog-view/account-overlay.json"}) {
    INFO(file);
    const Catalog catalog = load_catalog_file(fs, source_path(file));
    const std::string bytes = write_catalog_snapshot(catalog);
    const Catalog read = read_catalog_snapshot(bytes);
    CHECK(write_catalog_snapshot(read) == bytes);
    CHECK(read.account.has_value() == catalog.account.has_value());
    CHECK(read.existing_outposts.size() == catalog.existing_outposts.size());
    CHECK(read.existing_form_factors.size() == catalog.existing_form_factors.size());
    CHECK(read.catalog_items.size() == catalog.catalog_items.size());
    CHECK(read.measured_site_rtts.size() == catalog.measured_site_rtts.size());
  }
  const Catalog outposts = read_catalog_snapshot(write_catalog_snapshot(load_catalog_file(fs, source_path("tests/data/account/existing-outposts.json"))));
  REQUIRE_FALSE(outposts.existing_outposts.empty());
  REQUIRE_FALSE(outposts.catalog_items.empty());
  CHECK(outposts.catalog_items.front().id == "OR-ABC1234");
  CHECK(outposts.catalog_items.front().power_kva == std::optional<double>(12.4));
  CHECK(outposts.catalog_items.front().ec2_capacities.size() == 2);
}

TEST_CASE("catalog snapshot: bytes that are not a whole snapshot are refused", "[catalog][snapshot]") {
  const std::string bytes(built_snapshots().catalog);
  CHECK(catalog_refusal("") == "catalog snapshot: not a snapshot of this edgeplan's format");
  CHECK(catalog_refusal("{\"kind\": \"Catalog\"}") == "catalog snapshot: not a snapshot of this edgeplan's format");
  CHECK(catalog_refusal(bytes.substr(0, bytes.size() - 1)) == "catalog snapshot: truncated");
  CHECK(catalog_refusal(bytes.substr(0, bytes.size() / 2)) != "");
  CHECK(catalog_refusal(bytes + "x") == "catalog snapshot: bytes after its end");
  CHECK(catalog_refusal(bytes) == "");
}

TEST_CASE("route graph snapshot: the embedded graph is routes.json, solved", "[latency][snapshot]") {
  const RouteGraph built = RouteGraph::from_json(Json::parse(embedded::file("rules/catalog/routes.json")));
  REQUIRE_FALSE(built_snapshots().route_graph.empty());
  CHECK(built.snapshot() == std::string(built_snapshots().route_graph));
  // What every start uses is read from it, routes included.
  const RouteGraph& graph = RouteGraph::embedded();
  CHECK(graph.snapshot() == built.snapshot());
  REQUIRE(graph.hubs().size() == built.hubs().size());
  REQUIRE(graph.hubs().size() > 10);
  const int last = static_cast<int>(graph.hubs().size()) - 1;
  CHECK(graph.hubs()[static_cast<std::size_t>(last)].id == built.hubs()[static_cast<std::size_t>(last)].id);
  CHECK(graph.distance(0, last) == built.distance(0, last));
  CHECK(graph.route(0, last) == built.route(0, last));
  CHECK(graph.links().size() == built.links().size());
  CHECK(graph.detours().size() == built.detours().size());
}

TEST_CASE("instance types snapshot: the embedded list is instance_types.json", "[capacity][snapshot]") {
  const InstanceCatalog built = InstanceCatalog::from_json(Json::parse(embedded::file("rules/catalog/instance_types.json")));
  REQUIRE_FALSE(built_snapshots().instance_types.empty());
  CHECK(built.snapshot() == std::string(built_snapshots().instance_types));
  const InstanceCatalog& types = InstanceCatalog::embedded();
  CHECK(types.names() == built.names());
  const InstanceType* m5 = types.find("m5.24xlarge");
  REQUIRE(m5 != nullptr);
  CHECK(m5->vcpu == 96);
  CHECK(m5->memory_gib == 384);
  CHECK(m5->family == "m5");
  CHECK(types.host_type("m5") == types.find(built.host_type("m5")->name));
}

TEST_CASE("snapshots: each kind refuses another kind's bytes", "[snapshot]") {
  const std::string catalog(built_snapshots().catalog), routes(built_snapshots().route_graph), types(built_snapshots().instance_types);
  CHECK(refusal(RouteGraph::from_snapshot, catalog) == "route graph snapshot: not a snapshot of this edgeplan's format");
  CHECK(refusal(InstanceCatalog::from_snapshot, routes) == "instance types snapshot: not a snapshot of this edgeplan's format");
  CHECK(catalog_refusal(types) == "catalog snapshot: not a snapshot of this edgeplan's format");
  CHECK(refusal(RouteGraph::from_snapshot, routes.substr(0, routes.size() - 3)) == "route graph snapshot: truncated");
  CHECK(refusal(InstanceCatalog::from_snapshot, types + "\n") == "instance types snapshot: bytes after its end");
}
