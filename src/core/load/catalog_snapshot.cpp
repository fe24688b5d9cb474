#include <edgeplan/catalog_snapshot.hpp>

#include "util/snapshot_archive.hpp"

namespace edgeplan {

namespace {

// Changes whenever the layout below does; a snapshot of another layout is refused.
constexpr std::string_view kMagic = "edgeplan catalog snapshot 1\n";

}  // namespace

// In namespace edgeplan, not an unnamed one: the archive finds them by
// argument-dependent lookup, which does not look into unnamed namespaces.
// One list of members per type serves writing and reading, so the two cannot
// disagree on the order. A member added to one of these types and not listed
// here would be silently default in the default catalog: the size checks at the
// end of this file stop the build until it is listed (and the size updated).
template <typename A> void fields(A& a, GeoPoint& x) { a(x.lat, x.lon); }
template <typename A> void fields(A& a, Place& x) { a(x.point, x.country, x.subdivision, x.label); }
template <typename A> void fields(A& a, ServiceAvailability& x) { a(x.all, x.local, x.probable, x.unsupported); }
template <typename A> void fields(A& a, AccountObservation& x) {
  a(x.seen, x.opt_in_status, x.zone_id, x.zone_group, x.network_border_group, x.state, x.families_observed, x.sources);
}
template <typename A> void fields(A& a, Site& x) {
  a(x.id, x.kind, x.name, x.parent_region, x.place, x.metro, x.opt_in, x.access_requires_support_request, x.carrier,
    x.services, x.family_knowledge, x.instance_families, x.instance_types, x.source, x.account, x.opt_in_group,
    x.opt_in_command, x.inbound_from_internet, x.status, x.defined_in);
}
template <typename A> void fields(A& a, FormFactor& x) {
  a(x.id, x.kind, x.name, x.lifecycle, x.lifecycle_note, x.installed_by, x.min_rack_units, x.positions_required,
    x.min_power_kva, x.power_kva_options, x.uplink_speeds_gbps, x.min_uplinks, x.services_local, x.services_not_local,
    x.services_by_parent_region, x.parent_regions, x.instance_families, x.countries, x.support_plans, x.source);
}
template <typename A> void fields(A& a, CapacityAssumptions& x) {
  a(x.host_kva, x.rack_overhead_kva, x.host_rack_units, x.rack_units_for_hosts, x.host_types);
}
template <typename A> void fields(A& a, OutpostsFacts& x) {
  a(x.service_link_min_mbps, x.service_link_max_rtt_ms, x.form_factors, x.capacity);
}
template <typename A> void fields(A& a, AccountOutpost& x) {
  a(x.id, x.name, x.arn, x.owner_account, x.home_region, x.availability_zone, x.hardware, x.lifecycle_status, x.site_id,
    x.site_name, x.country, x.state_or_region, x.city, x.power_kva, x.uplink_gbps, x.uplink_count, x.max_weight_lbs,
    x.instance_types, x.sources);
}
template <typename A> void fields(A& a, CatalogItem::Capacity& x) { a(x.family, x.max_size, x.quantity); }
template <typename A> void fields(A& a, CatalogItem& x) {
  a(x.id, x.status, x.ec2_capacities, x.power_kva, x.weight_lbs, x.uplink_gbps, x.storage, x.sources);
}
template <typename A> void fields(A& a, MeasuredSiteRtt& x) { a(x.from, x.to, x.rtt_ms, x.between, x.period, x.source); }
template <typename A> void fields(A& a, AccountView& x) { a(x.id, x.captured_at, x.captured_at_basis, x.regions, x.gaps); }
template <typename A> void fields(A& a, Metro& x) { a(x.name, x.aliases, x.place); }
template <typename A> void fields(A& a, CatalogInfo& x) { a(x.name, x.version, x.date, x.digest, x.origin); }
template <typename A> void fields(A& a, Catalog& x) {
  a(x.info, x.sites, x.outposts, x.service_vocabulary, x.regional_services, x.metros, x.account, x.existing_outposts,
    x.existing_form_factors, x.catalog_items, x.measured_site_rtts);
}

std::string write_catalog_snapshot(const Catalog& catalog) { return snapshot::write(kMagic, catalog); }

Catalog read_catalog_snapshot(std::string_view bytes) {
  Catalog catalog = snapshot::read<Catalog>(kMagic, bytes, "catalog snapshot");
  catalog.index_sites();  // not in the bytes: made from them
  catalog.index_metros();
  catalog.index_services();
  return catalog;
}

// A new member of a catalog type changes its size: list it in its fields() above,
// then set the size here. (Sizes of this build's platform, x86-64 with libstdc++.)
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(GeoPoint) == 16, "list the new member of GeoPoint in its fields()");
static_assert(sizeof(Place) == 120, "list the new member of Place in its fields()");
static_assert(sizeof(ServiceAvailability) == 152, "list the new member of ServiceAvailability in its fields()");
static_assert(sizeof(AccountObservation) == 240, "list the new member of AccountObservation in its fields()");
static_assert(sizeof(Site) == 984, "list the new member of Site in its fields()");
static_assert(sizeof(FormFactor) == 536, "list the new member of FormFactor in its fields()");
static_assert(sizeof(CapacityAssumptions) == 72, "list the new member of CapacityAssumptions in its fields()");
static_assert(sizeof(OutpostsFacts) == 112, "list the new member of OutpostsFacts in its fields()");
static_assert(sizeof(AccountOutpost) == 552, "list the new member of AccountOutpost in its fields()");
static_assert(sizeof(CatalogItem::Capacity) == 72, "list the new member of CatalogItem::Capacity in its fields()");
static_assert(sizeof(CatalogItem) == 192, "list the new member of CatalogItem in its fields()");
static_assert(sizeof(MeasuredSiteRtt) == 168, "list the new member of MeasuredSiteRtt in its fields()");
static_assert(sizeof(AccountView) == 144, "list the new member of AccountView in its fields()");
static_assert(sizeof(Metro) == 176, "list the new member of Metro in its fields()");
static_assert(sizeof(CatalogInfo) == 160, "list the new member of CatalogInfo in its fields()");
// 296 bytes of it are the site and metro indexes (56 each) and the service index
// (184), made from `sites` and `metros` when read (index_sites, index_metros,
// index_services), not stored.
static_assert(sizeof(ServiceIndex) == 184, "a new member of ServiceIndex: set both sizes here");
static_assert(sizeof(Catalog) == 960, "list the new member of Catalog in its fields()");
#endif

}  // namespace edgeplan
