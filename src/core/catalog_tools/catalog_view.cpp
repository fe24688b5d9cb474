#include <fmt/format.h>

#include <algorithm>
#include <edgeplan/catalog_view.hpp>
#include <edgeplan/diagnostics.hpp>
#include <edgeplan/util/text.hpp>
#include <string_view>

namespace edgeplan {

namespace {

// Who states a fact: CatalogFact::basis and CatalogFact::source.
struct FactSource {
  std::string basis;
  std::string source;
};

void add(CatalogEntry& entry, std::string name, FactValue value, const FactSource& from) {
  entry.facts.push_back(CatalogFact{std::move(name), std::move(value), from.basis, from.source});
}

template <typename T>
FactValue optional_value(const std::optional<T>& value) {
  return value ? FactValue(*value) : FactValue(nullptr);
}

// ---------------------------------------------------------------- sources

// "embedded" is the default catalog, built from AWS documentation (rules/catalog/SOURCES.md).
std::string record_source(const std::string& defined_in) {
  return defined_in == "embedded" ? "AWS documentation (default catalog)" : "catalog file " + defined_in;
}

// CatalogInfo::origin: "embedded", "embedded+OVERLAY" or a file that replaces the default.
std::string origin_source(const std::string& origin) {
  if (origin.rfind("embedded+", 0) == 0) return "catalog file " + origin.substr(9) + " (extends the default catalog)";
  return record_source(origin);
}

// "account 111122223333: aws ec2 describe-regions, captured 2026-12-01T09:30:00Z"
FactSource account_source(const std::optional<AccountView>& view, const std::string& command) {
  std::string text = "account";
  if (view && !view->id.empty()) text += " " + view->id;
  text += ": " + (command.empty() ? std::string("imported view") : command);
  if (view && !view->captured_at.empty()) text += ", captured " + view->captured_at;
  return {"account", text};
}

// The first of `sources` that ran one of `commands`: the command a fact came
// from. An import records every command that said something about an entry,
// not which said what; all of them when none matches.
std::string command_of(const std::vector<std::string>& sources, const std::vector<std::string_view>& commands) {
  for (const auto& source : sources)
    for (std::string_view command : commands)
      if (std::string_view(source).starts_with(command)) return source;
  return util::join_list(sources, "; ");
}

// ---------------------------------------------------------------- sites

const std::vector<std::string_view> kZoneCommands = {"aws ec2 describe-availability-zones", "aws ec2 describe-regions"};
const std::vector<std::string_view> kOfferingCommands = {"aws ec2 describe-instance-type-offerings"};

struct SiteSources {
  FactSource record;     // the catalog record: documentation or a file
  FactSource zones;      // the account's zone and Region lists
  FactSource offerings;  // the account's instance type offerings
};

SiteSources site_sources(const Site& site, const std::optional<AccountView>& view) {
  const std::vector<std::string> none;
  const auto& sources = site.account ? site.account->sources : none;
  return {{"catalog", record_source(site.defined_in)},
          account_source(view, command_of(sources, kZoneCommands)),
          account_source(view, command_of(sources, kOfferingCommands))};
}

FactValue location_value(const Site& site) {
  return {{"metro", site.metro},
          {"country", site.place.country},
          {"subdivision", optional_value(site.place.subdivision)},
          {"lat", site.place.point.lat},
          {"lon", site.place.point.lon}};
}

FactValue services_value(const ServiceAvailability& s) {
  if (s.all) return {{"all", true}};
  return {{"local", s.local}, {"probable", s.probable}, {"unsupported", s.unsupported}};
}

// An account fact where the account stated it, else the record's (which may be absent).
void add_account_fact(CatalogEntry& e, const char* name, const std::optional<std::string>& observed, FactValue documented,
                      const SiteSources& from) {
  if (observed)
    add(e, name, *observed, from.zones);
  else if (!documented.is_null())
    add(e, name, std::move(documented), from.record);
}

void add_zone_facts(CatalogEntry& e, const Site& site, const SiteSources& from) {
  const AccountObservation none;
  const AccountObservation& seen = site.account ? *site.account : none;
  add(e, "opt_in", opt_in_status_of(site), seen.opt_in_status ? from.zones : from.record);
  if (site.access_requires_support_request) add(e, "support_request_required", true, from.record);
  if (seen.seen) add(e, "seen", *seen.seen, from.zones);
  if (site.kind != SiteKind::region) add_account_fact(e, "zone_group", seen.zone_group, zone_group_of(site), from);
  add_account_fact(e, "zone_id", seen.zone_id, nullptr, from);
  add_account_fact(e, "network_border_group", seen.network_border_group, nullptr, from);
  add_account_fact(e, "state", seen.state, site.status ? FactValue(*site.status) : FactValue(nullptr), from);
}

void add_instance_facts(CatalogEntry& e, const Site& site, const SiteSources& from) {
  // The loader replaced the record's families and types with the account's offerings.
  const bool observed = site.account && site.account->families_observed;
  const FactSource& by = observed ? from.offerings : from.record;
  add(e, "instance_families", {{"knowledge", to_string(site.family_knowledge)}, {"families", site.instance_families}}, by);
  // A record without a list says nothing about types (unknown); an account's offerings list them all.
  add(e, "instance_types", site.instance_types.empty() && !observed ? FactValue(nullptr) : FactValue(site.instance_types), by);
}

CatalogEntry site_entry(const Site& site, const std::optional<AccountView>& view) {
  const SiteSources from = site_sources(site, view);
  CatalogEntry e{site.id, to_string(site.kind), {}};
  add(e, "name", site.name, from.record);
  add(e, "location", location_value(site), from.record);
  if (site.parent_region) add(e, "parent_region", *site.parent_region, from.record);
  add_zone_facts(e, site, from);
  add_instance_facts(e, site, from);
  add(e, "services", services_value(site.services), from.record);
  if (site.carrier) add(e, "carrier", *site.carrier, from.record);
  add(e, "source_urls", site.source, from.record);
  return e;
}

// ---------------------------------------------------------------- the account's Outposts, rack configurations, RTTs

CatalogEntry outpost_entry(const AccountOutpost& o, const std::optional<AccountView>& view) {
  const FactSource listed = account_source(view, command_of(o.sources, {"aws outposts list-outposts"}));
  const FactSource site = account_source(view, command_of(o.sources, {"aws outposts list-sites"}));
  const FactSource types = account_source(view, command_of(o.sources, {"aws outposts get-outpost-instance-types"}));
  CatalogEntry e{o.id, "outpost", {}};
  add(e, "name", o.name, listed);
  add(e, "arn", o.arn, listed);
  add(e, "owner_account", o.owner_account, listed);
  add(e, "home_region", o.home_region, listed);
  add(e, "availability_zone", o.availability_zone, listed);
  add(e, "hardware", o.hardware, listed);
  add(e, "lifecycle_status", o.lifecycle_status, listed);
  add(e, "site",
      {{"id", o.site_id}, {"name", o.site_name}, {"country", o.country}, {"state_or_region", o.state_or_region}, {"city", o.city}}, site);
  add(e, "rack",
      {{"power_kva", optional_value(o.power_kva)},
       {"uplink_gbps", optional_value(o.uplink_gbps)},
       {"uplink_count", optional_value(o.uplink_count)},
       {"max_weight_lbs", optional_value(o.max_weight_lbs)}},
      site);
  add(e, "instance_types", optional_value(o.instance_types), types);
  return e;
}

CatalogEntry catalog_item_entry(const CatalogItem& item, const std::optional<AccountView>& view) {
  const FactSource from = account_source(view, command_of(item.sources, {"aws outposts list-catalog-items"}));
  FactValue capacities = FactValue::array();
  for (const auto& c : item.ec2_capacities)
    capacities.push_back({{"family", c.family}, {"max_size", c.max_size}, {"quantity", c.quantity}});
  CatalogEntry e{item.id, "catalog-item", {}};
  add(e, "status", item.status, from);
  add(e, "ec2_capacities", capacities, from);
  add(e, "power_kva", optional_value(item.power_kva), from);
  add(e, "weight_lbs", optional_value(item.weight_lbs), from);
  add(e, "uplink_gbps", item.uplink_gbps, from);
  add(e, "storage", item.storage, from);
  return e;
}

CatalogEntry measured_rtt_entry(const MeasuredSiteRtt& m, const std::optional<AccountView>& view) {
  const FactSource from = account_source(view, m.source);
  CatalogEntry e{m.from + "/" + m.to, "measured-rtt", {}};
  add(e, "rtt_ms", m.rtt_ms, from);
  add(e, "between", m.between, from);
  add(e, "period", m.period, from);
  return e;
}

std::vector<CatalogEntry> all_entries(const Catalog& catalog) {
  std::vector<CatalogEntry> out;
  for (const auto& site : catalog.sites) out.push_back(site_entry(site, catalog.account));
  for (const auto& o : catalog.existing_outposts) out.push_back(outpost_entry(o, catalog.account));
  for (const auto& item : catalog.catalog_items) out.push_back(catalog_item_entry(item, catalog.account));
  for (const auto& m : catalog.measured_site_rtts) out.push_back(measured_rtt_entry(m, catalog.account));
  return out;
}

// ---------------------------------------------------------------- the filter

void check_filter(const std::vector<CatalogEntry>& entries, const CatalogFilter& filter, const CatalogInfo& info) {
  const auto& kinds = catalog_entry_kinds();
  if (filter.kind && std::find(kinds.begin(), kinds.end(), *filter.kind) == kinds.end())
    throw UsageError(fmt::format("--kind: no kind \"{}\"\n  hint: {}", *filter.kind,
                                 util::did_you_mean(*filter.kind, kinds, "kinds are " + util::join_list(kinds))));
  std::vector<std::string> ids;
  for (const auto& e : entries) ids.push_back(e.id);
  for (const auto& id : filter.ids)
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
      throw UsageError(fmt::format("--site: no site or other entry \"{}\" in catalog {} {}\n  hint: {}", id, info.name, info.version,
                                   util::did_you_mean(id, ids, "`edgeplan catalog show` lists every id")));
}

bool passes(const CatalogEntry& e, const CatalogFilter& filter) {
  if (filter.kind && e.kind != *filter.kind) return false;
  return filter.ids.empty() || std::find(filter.ids.begin(), filter.ids.end(), e.id) != filter.ids.end();
}

// ---------------------------------------------------------------- the diff

// The catalog's own metadata and account view, compared like any entry.
CatalogEntry catalog_entry(const CatalogInfo& info, const std::optional<AccountView>& view) {
  const FactSource file{"catalog", origin_source(info.origin)};
  const FactSource account{"account", origin_source(info.origin)};
  CatalogEntry e{"catalog", "catalog", {}};
  add(e, "name", info.name, file);
  add(e, "version", info.version, file);
  add(e, "date", info.date, file);
  if (!view) return e;
  add(e, "account", view->id.empty() ? FactValue(nullptr) : FactValue(view->id), account);
  add(e, "captured_at", view->captured_at.empty() ? FactValue(nullptr) : FactValue(view->captured_at), account);
  add(e, "captured_at_basis", view->captured_at_basis, account);
  add(e, "regions", view->regions, account);
  add(e, "gaps", view->gaps, account);
  return e;
}

FactValue value_of(const CatalogEntry* entry, const std::string& name) {
  const CatalogFact* fact = entry ? entry->find(name) : nullptr;
  return fact ? fact->value : FactValue(nullptr);
}

// The fact names of both, `after`'s order first.
std::vector<std::string> fact_names(const CatalogEntry* before, const CatalogEntry* after) {
  std::vector<std::string> names;
  for (const CatalogEntry* e : {after, before})
    if (e)
      for (const auto& f : e->facts)
        if (std::find(names.begin(), names.end(), f.name) == names.end()) names.push_back(f.name);
  return names;
}

std::vector<FactChange> fact_changes(const CatalogEntry* before, const CatalogEntry* after) {
  std::vector<FactChange> out;
  for (const auto& name : fact_names(before, after)) {
    FactValue b = value_of(before, name), a = value_of(after, name);
    if (b == a) continue;
    const CatalogFact* now = after ? after->find(name) : nullptr;
    out.push_back(FactChange{name, std::move(b), std::move(a), now && !now->value.is_null() ? now->source : ""});
  }
  return out;
}

const CatalogEntry* find_entry(const std::vector<CatalogEntry>& entries, const CatalogEntry& like) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const CatalogEntry& e) { return e.kind == like.kind && e.id == like.id; });
  return it == entries.end() ? nullptr : &*it;
}

void add_change(std::vector<CatalogChange>& out, const CatalogEntry* before, const CatalogEntry* after) {
  const CatalogEntry& either = after ? *after : *before;
  std::vector<FactChange> facts = fact_changes(before, after);
  if (before && after && facts.empty()) return;
  out.push_back(CatalogChange{either.id, either.kind, !before ? "added" : !after ? "removed" : "changed", std::move(facts)});
}

// "catalog" first, then the listing's order of kinds, then ids.
std::size_t kind_rank(const std::string& kind) {
  const auto& kinds = catalog_entry_kinds();
  return kind == "catalog" ? 0 : 1 + static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

void sort_changes(std::vector<CatalogChange>& changes) {
  std::stable_sort(changes.begin(), changes.end(), [](const CatalogChange& a, const CatalogChange& b) {
    return std::make_pair(kind_rank(a.kind), a.id) < std::make_pair(kind_rank(b.kind), b.id);
  });
}

std::vector<CatalogEntry> entries_for_diff(const Catalog& catalog) {
  std::vector<CatalogEntry> entries = list_catalog(catalog).entries;
  entries.insert(entries.begin(), catalog_entry(catalog.info, catalog.account));
  return entries;
}

}  // namespace

const CatalogFact* CatalogEntry::find(const std::string& name) const {
  auto it = std::find_if(facts.begin(), facts.end(), [&](const CatalogFact& f) { return f.name == name; });
  return it == facts.end() ? nullptr : &*it;
}

const std::vector<std::string>& catalog_entry_kinds() {
  static const std::vector<std::string> kinds = {"region", "local-zone", "wavelength-zone", "outpost", "catalog-item", "measured-rtt"};
  return kinds;
}

CatalogListing list_catalog(const Catalog& catalog, const CatalogFilter& filter) {
  std::vector<CatalogEntry> entries = all_entries(catalog);
  check_filter(entries, filter, catalog.info);
  std::erase_if(entries, [&](const CatalogEntry& e) { return !passes(e, filter); });
  return CatalogListing{catalog.info, catalog.account, filter, std::move(entries)};
}

std::size_t CatalogDiff::count(const std::string& change) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [&](const CatalogChange& c) { return c.change == change; }));
}

CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after) {
  const std::vector<CatalogEntry> old_entries = entries_for_diff(before), new_entries = entries_for_diff(after);
  CatalogDiff diff{before.info, after.info, {}};
  for (const auto& e : old_entries) add_change(diff.changes, &e, find_entry(new_entries, e));
  for (const auto& e : new_entries)
    if (!find_entry(old_entries, e)) add_change(diff.changes, nullptr, &e);
  sort_changes(diff.changes);
  return diff;
}

}  // namespace edgeplan
