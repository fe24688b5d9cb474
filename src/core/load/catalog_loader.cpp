#include <edgeplan/catalog_loader.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <edgeplan/catalog_snapshot.hpp>
#include <edgeplan/instance_catalog.hpp>
#include "util/embedded.hpp"
#include "load/json_reader.hpp"
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/snapshots.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

// Rack units, rack positions and uplinks a form factor needs: far below this,
// which keeps a catalog overlay's figure inside int.
constexpr int kMaxFormFactorCount = 10'000;

constexpr std::string_view kCatalogFile = "rules/catalog/catalog.json";
constexpr std::string_view kMetroFile = "rules/catalog/metros.json";
constexpr std::string_view kServicesFile = "rules/catalog/services.json";

// Every catalog reads its metros from the embedded file: parsed once per process.
const JsonDocument& embedded_metros() {
  static const JsonDocument metros = JsonDocument::parse(std::string(kMetroFile), embedded::file(kMetroFile));
  return metros;
}

std::set<std::string> string_set(JsonReader& r, const std::string& pointer) {
  auto list = r.strings(pointer);
  return {list.begin(), list.end()};
}

Place read_place(JsonReader& r, const std::string& p, const std::string& label) {
  Place place;
  place.point.lat = r.number(p + "/lat", true).value_or(0);
  place.point.lon = r.number(p + "/lon", true).value_or(0);
  place.country = r.string(p + "/country", true).value_or("");
  place.subdivision = r.string(p + "/subdivision");
  place.label = label;
  return place;
}

ServiceAvailability read_services(JsonReader& r, const std::string& p) {
  ServiceAvailability s;
  s.all = r.boolean(p + "/all").value_or(false);
  s.local = string_set(r, p + "/local");
  s.probable = string_set(r, p + "/probable");
  s.unsupported = string_set(r, p + "/unsupported");
  return s;
}

FamilyKnowledge read_family_knowledge(JsonReader& r, const std::string& p) {
  static const std::map<std::string, FamilyKnowledge> names = {
      {"elastic", FamilyKnowledge::elastic}, {"known", FamilyKnowledge::known},
      {"partial", FamilyKnowledge::partial}, {"unknown", FamilyKnowledge::unknown}};
  auto status = r.string(p).value_or("unknown");
  auto it = names.find(status);
  if (it != names.end()) return it->second;
  r.error(p, fmt::format("expected one of \"elastic\", \"known\", \"partial\", \"unknown\", got \"{}\"", status));
  return FamilyKnowledge::unknown;
}

// The two facts read from a site's record as a whole rather than by the reader:
// a "features" array naming "inbound_from_internet" (any element equal to it,
// as nlohmann's iteration finds it), and a string "status".
void read_record_facts(const Json& record, Site& site) {
  if (!record.is_object()) return;
  if (const auto features = record.find("features"); features != record.end())
    site.inbound_from_internet = std::find(features->begin(), features->end(), "inbound_from_internet") != features->end();
  if (const auto status = record.find("status"); status != record.end() && status->is_string()) site.status = status->get<std::string>();
}

Site read_site(JsonReader& r, const std::string& p) {
  Site site;
  site.id = r.string(p + "/id", true).value_or("");
  auto kind = r.string(p + "/kind", true).value_or("region");
  auto parsed = site_kind_from_string(kind);
  if (!parsed || *parsed == SiteKind::outposts_rack || *parsed == SiteKind::outposts_server)
    r.error(p + "/kind", fmt::format("expected one of \"region\", \"local-zone\", \"wavelength-zone\", got \"{}\"", kind));
  site.kind = parsed.value_or(SiteKind::region);
  site.name = r.string(p + "/name").value_or(site.id);
  site.parent_region = r.string(p + "/parent_region");
  site.metro = r.string(p + "/metro").value_or("");
  site.place = read_place(r, p, site.metro);
  site.opt_in = r.boolean(p + "/opt_in").value_or(false);
  site.access_requires_support_request = r.boolean(p + "/access_requires_support_request").value_or(false);
  site.carrier = r.string(p + "/carrier");
  site.services = read_services(r, p + "/services");
  if (site.kind == SiteKind::region && !r.find(p + "/services")) site.services.all = true;
  site.family_knowledge = site.kind == SiteKind::region ? FamilyKnowledge::elastic
                                                        : read_family_knowledge(r, p + "/instance_families/status");
  site.instance_families = string_set(r, p + "/instance_families/families");
  site.instance_types = string_set(r, p + "/instance_types");
  site.source = r.strings(p + "/source");
  if (const Json* record = r.find(p)) read_record_facts(*record, site);
  return site;
}

Lifecycle read_lifecycle(JsonReader& r, const std::string& p) {
  auto text = r.string(p).value_or("current");
  if (text == "current") return Lifecycle::current;
  if (text == "previous-generation") return Lifecycle::previous_generation;
  if (text == "discontinued") return Lifecycle::discontinued;
  r.error(p, fmt::format("expected one of \"current\", \"previous-generation\", \"discontinued\", got \"{}\"", text));
  return Lifecycle::current;
}

FormFactor read_form_factor(JsonReader& r, const std::string& p) {
  FormFactor f;
  f.id = r.string(p + "/id", true).value_or("");
  auto kind = site_kind_from_string(r.string(p + "/kind", true).value_or(""));
  if (!kind || (*kind != SiteKind::outposts_rack && *kind != SiteKind::outposts_server))
    r.error(p + "/kind", "expected \"outposts-rack\" or \"outposts-server\"");
  f.kind = kind.value_or(SiteKind::outposts_rack);
  f.name = r.string(p + "/name").value_or(f.id);
  f.lifecycle = read_lifecycle(r, p + "/lifecycle");
  f.lifecycle_note = r.string(p + "/lifecycle_note").value_or("");
  f.installed_by = r.string(p + "/installed_by").value_or("aws");
  f.min_rack_units = r.integer(p + "/min_rack_units", 0, kMaxFormFactorCount).value_or(42);
  f.positions_required = r.integer(p + "/positions_required", 0, kMaxFormFactorCount).value_or(1);
  f.min_power_kva = r.number(p + "/min_power_kva").value_or(0);
  f.power_kva_options = r.numbers(p + "/power_kva_options");
  f.uplink_speeds_gbps = r.numbers(p + "/uplink_speeds_gbps");
  f.min_uplinks = r.integer(p + "/min_uplinks", 0, kMaxFormFactorCount).value_or(1);
  f.services_local = string_set(r, p + "/services_local");
  f.services_not_local = string_set(r, p + "/services_not_local");
  if (const Json* by_region = r.find(p + "/services_by_parent_region"); by_region && by_region->is_object())
    for (const auto& [region, unused] : by_region->items())
      f.services_by_parent_region[region] = string_set(r, p + "/services_by_parent_region/" + pointer_token(region));
  f.parent_regions = r.strings(p + "/parent_regions");
  f.instance_families = string_set(r, p + "/instance_families");
  if (const Json* countries = r.find(p + "/countries"); countries && !countries->is_null())
    f.countries = string_set(r, p + "/countries");
  f.support_plans = r.strings(p + "/support_plans");
  f.source = r.strings(p + "/source");
  return f;
}

void read_metros(JsonReader& r, const std::string& p, std::vector<Metro>& out) {
  for (const auto& m : r.elements(p)) {
    Metro metro;
    metro.name = r.string(m + "/name", true).value_or("");
    metro.aliases = r.strings(m + "/aliases");
    metro.place = read_place(r, m, metro.name);
    out.push_back(std::move(metro));
  }
}

void read_capacity_assumptions(JsonReader& r, CapacityAssumptions& a) {
  const std::string p = "/outposts/capacity_assumptions";
  if (!r.find(p)) return;
  auto positive = [&](const std::string& field, auto& target) {
    auto v = r.number(p + "/" + field);
    if (!v) return;
    if (*v <= 0) return r.error(p + "/" + field, fmt::format("expected a number > 0, got {}", util::format_number(*v)));
    target = static_cast<std::remove_reference_t<decltype(target)>>(*v);
  };
  positive("host_kva", a.host_kva);
  positive("rack_overhead_kva", a.rack_overhead_kva);
  positive("host_rack_units", a.host_rack_units);
  positive("rack_units_for_hosts", a.rack_units_for_hosts);
  if (const Json* hosts = r.find(p + "/host_types"); hosts && hosts->is_object())
    for (const auto& [family, unused] : hosts->items())
      if (auto type = r.string(p + "/host_types/" + pointer_token(family), true)) {
        const InstanceCatalog& types = InstanceCatalog::embedded();
        const InstanceType* t = types.find(*type);
        if (!t || t->family != family) {
          const InstanceType* largest = types.host_type(family);
          r.error(p + "/host_types/" + pointer_token(family), fmt::format("expected an instance type of family {}, got \"{}\"", family, *type),
                  largest ? fmt::format("for example \"{}\"", largest->name) : fmt::format("no instance types of family {} are known", family));
        } else {
          a.host_types[family] = *type;
        }
      }
}

void read_catalog_body(JsonReader& r, Catalog& catalog) {
  for (const auto& s : r.elements("/sites")) catalog.sites.push_back(read_site(r, s));
  for (const auto& f : r.elements("/outposts/form_factors")) catalog.outposts.form_factors.push_back(read_form_factor(r, f));
  if (auto v = r.number("/outposts/service_link/min_bandwidth_mbps")) catalog.outposts.service_link_min_mbps = *v;
  if (auto v = r.number("/outposts/service_link/max_rtt_ms")) catalog.outposts.service_link_max_rtt_ms = *v;
  read_capacity_assumptions(r, catalog.outposts.capacity);
  for (const auto& s : r.strings("/service_vocabulary")) catalog.service_vocabulary.insert(s);
  read_metros(r, "/metros", catalog.metros);
}

// An imported account view (`edgeplan catalog import`): see rules/catalog/README.md,
// "Your account's view". Each part is optional; what is absent stays as documented.

AccountObservation read_observation(JsonReader& r, const std::string& p) {
  AccountObservation o;
  o.seen = r.boolean(p + "/seen");
  o.opt_in_status = r.string(p + "/opt_in_status");
  if (o.opt_in_status && !is_aws_opt_in_status(*o.opt_in_status))
    r.error(p + "/opt_in_status", fmt::format("expected one of \"opt-in-not-required\", \"opted-in\", \"not-opted-in\", got \"{}\"", *o.opt_in_status));
  o.zone_id = r.string(p + "/zone_id");
  o.zone_group = r.string(p + "/zone_group");
  o.network_border_group = r.string(p + "/network_border_group");
  o.state = r.string(p + "/state");
  o.families_observed = r.find(p + "/instance_families") != nullptr;
  o.sources = r.strings(p + "/sources");
  return o;
}

void read_site_facts(JsonReader& r, Catalog& catalog) {
  const Json* facts = r.find("/site_facts");
  if (!facts) return;
  if (!facts->is_object()) return r.error("/site_facts", fmt::format("expected an object keyed by site id, got {}", describe_json(*facts)));
  for (const auto& item : facts->items()) {
    const std::string id = item.key();  // not a structured binding: the lambda below captures it (clang 14 cannot)
    const std::string p = "/site_facts/" + pointer_token(id);
    auto it = std::find_if(catalog.sites.begin(), catalog.sites.end(), [&](const Site& s) { return s.id == id; });
    if (it == catalog.sites.end()) {
      r.warning(p, fmt::format("no site \"{}\" in the catalog: its account facts are not used", id));
      continue;
    }
    it->account = read_observation(r, p);
    if (it->account->families_observed) {
      it->family_knowledge = FamilyKnowledge::known;
      it->instance_families = string_set(r, p + "/instance_families/families");
      it->instance_types = string_set(r, p + "/instance_families/instance_types");
    }
  }
}

void read_account_view(JsonReader& r, Catalog& catalog) {
  if (!r.find("/account")) return;
  AccountView a;
  a.id = r.string("/account/id").value_or("");
  a.captured_at = r.string("/account/captured_at").value_or("");
  a.captured_at_basis = r.string("/account/captured_at_basis").value_or(a.captured_at.empty() ? "unknown" : "manifest");
  a.regions = r.strings("/account/regions");
  a.gaps = r.strings("/account/gaps");
  catalog.account = std::move(a);
}

void read_existing_outposts(JsonReader& r, Catalog& catalog) {
  for (const auto& p : r.elements("/existing_outposts")) {
    AccountOutpost o;
    o.id = r.string(p + "/id", true).value_or("");
    o.name = r.string(p + "/name").value_or(o.id);
    o.arn = r.string(p + "/arn").value_or("");
    o.owner_account = r.string(p + "/owner_account").value_or("");
    o.home_region = r.string(p + "/home_region", true).value_or("");
    o.availability_zone = r.string(p + "/availability_zone").value_or("");
    o.hardware = r.string(p + "/hardware").value_or("RACK");
    if (o.hardware != "RACK" && o.hardware != "SERVER")
      r.error(p + "/hardware", fmt::format("expected \"RACK\" or \"SERVER\", got \"{}\"", o.hardware));
    o.lifecycle_status = r.string(p + "/lifecycle_status").value_or("");
    o.site_id = r.string(p + "/site/id").value_or("");
    o.site_name = r.string(p + "/site/name").value_or("");
    o.country = r.string(p + "/site/country").value_or("");
    o.state_or_region = r.string(p + "/site/state_or_region").value_or("");
    o.city = r.string(p + "/site/city").value_or("");
    o.power_kva = r.number(p + "/site/power_kva");
    o.uplink_gbps = r.number(p + "/site/uplink_gbps");
    o.uplink_count = r.integer(p + "/site/uplink_count", 0, kMaxFormFactorCount);
    o.max_weight_lbs = r.number(p + "/site/max_weight_lbs");
    if (r.find(p + "/instance_types")) o.instance_types = string_set(r, p + "/instance_types");
    o.sources = r.strings(p + "/sources");
    catalog.existing_outposts.push_back(std::move(o));
  }
}

void read_catalog_items(JsonReader& r, Catalog& catalog) {
  for (const auto& p : r.elements("/outposts/catalog_items")) {
    CatalogItem item;
    item.id = r.string(p + "/id", true).value_or("");
    item.status = r.string(p + "/status").value_or("");
    for (const auto& c : r.elements(p + "/ec2_capacities"))
      item.ec2_capacities.push_back({r.string(c + "/family", true).value_or(""), r.string(c + "/max_size").value_or(""),
                                     r.integer(c + "/quantity", 0, kMaxFormFactorCount, true).value_or(0)});
    item.power_kva = r.number(p + "/power_kva");
    item.weight_lbs = r.number(p + "/weight_lbs");
    item.uplink_gbps = r.numbers(p + "/uplink_gbps");
    item.storage = r.strings(p + "/storage");
    item.sources = r.strings(p + "/sources");
    catalog.catalog_items.push_back(std::move(item));
  }
}

void read_measured_rtts(JsonReader& r, Catalog& catalog) {
  for (const auto& p : r.elements("/measured_rtts")) {
    MeasuredSiteRtt m;
    m.from = r.string(p + "/from", true).value_or("");
    m.to = r.string(p + "/to", true).value_or("");
    m.rtt_ms = r.number(p + "/rtt_ms", true).value_or(0);
    if (m.rtt_ms < 0) r.error(p + "/rtt_ms", fmt::format("expected a number >= 0, got {}", util::format_number(m.rtt_ms)));
    m.between = r.string(p + "/between").value_or("");
    m.period = r.string(p + "/period").value_or("");
    m.source = r.string(p + "/source").value_or("");
    catalog.measured_site_rtts.push_back(std::move(m));
  }
}

// Read after the sites are merged: the account's facts apply to the final site list.
void read_account_parts(JsonReader& r, Catalog& catalog) {
  read_account_view(r, catalog);
  read_site_facts(r, catalog);
  read_existing_outposts(r, catalog);
  read_catalog_items(r, catalog);
  read_measured_rtts(r, catalog);
}

template <typename T>
void upsert_by_id(std::vector<T>& into, std::vector<T> from) {
  for (auto& item : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const T& x) { return x.id == item.id; });
    if (it != into.end()) *it = std::move(item);
    else into.push_back(std::move(item));
  }
}

// The regional service vocabulary is AWS's, not a catalog's: always the embedded one.
void read_regional_services(Catalog& catalog) {
  static const std::map<std::string, bool> services = [] {
    JsonDocument doc = JsonDocument::parse(std::string(kServicesFile), embedded::file(kServicesFile));
    JsonReader r(doc);
    std::map<std::string, bool> out;
    for (const auto& p : r.elements("/services", true)) out[r.string(p + "/name", true).value_or("")] = r.boolean(p + "/stores_data").value_or(false);
    r.throw_if_errors();
    return out;
  }();
  catalog.regional_services = services;
}

void finish(Catalog& catalog) {
  read_regional_services(catalog);
  std::sort(catalog.sites.begin(), catalog.sites.end(), [](const Site& a, const Site& b) {
    return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
  });
  catalog.index_sites();
  catalog.index_metros();
  for (auto& site : catalog.sites) {
    site.opt_in_group = zone_group_of(site);
    site.opt_in_command = site.kind != SiteKind::region
                              ? fmt::format("aws ec2 modify-availability-zone-group --region {} --group-name {} --opt-in-status opted-in",
                                            site.parent_region.value_or(""), site.opt_in_group)
                              : fmt::format("aws account enable-region --region-name {}", site.id);
    catalog.service_vocabulary.insert(site.services.local.begin(), site.services.local.end());
    catalog.service_vocabulary.insert(site.services.probable.begin(), site.services.probable.end());
    catalog.service_vocabulary.insert(site.services.unsupported.begin(), site.services.unsupported.end());
  }
  for (const auto& f : catalog.outposts.form_factors) {
    catalog.service_vocabulary.insert(f.services_local.begin(), f.services_local.end());
    catalog.service_vocabulary.insert(f.services_not_local.begin(), f.services_not_local.end());
  }
  // After the form factors are merged: an existing Outpost is evaluated as the final generic one.
  catalog.existing_form_factors.clear();
  for (const auto& outpost : catalog.existing_outposts)
    catalog.existing_form_factors.push_back(existing_form_factor(outpost, catalog.outposts.form_factors));
  catalog.index_services();
}

void check_references(JsonReader& r, const Catalog& catalog) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < catalog.sites.size(); ++i) {
    const Site& site = catalog.sites[i];
    if (!seen.insert(site.id).second) r.error("/sites", fmt::format("duplicate site id \"{}\"", site.id));
    if (site.parent_region && !catalog.find_site(*site.parent_region))
      r.warning("/sites", fmt::format("site \"{}\" names parent Region \"{}\", which is not in the catalog", site.id, *site.parent_region));
  }
}

}  // namespace

Catalog build_catalog(const JsonDocument& catalog_doc, const JsonDocument& metros_doc, const std::string& origin) {
  Catalog catalog;
  JsonReader r(catalog_doc);
  r.header("Catalog");
  catalog.info.name = r.string("/metadata/name").value_or("unnamed");
  catalog.info.version = r.string("/metadata/version", true).value_or("");
  catalog.info.date = r.string("/metadata/date", true).value_or("");
  catalog.info.origin = origin;
  read_catalog_body(r, catalog);
  for (auto& site : catalog.sites) site.defined_in = origin;
  JsonReader m(metros_doc);
  read_metros(m, "/metros", catalog.metros);
  m.throw_if_errors();
  read_account_parts(r, catalog);
  finish(catalog);
  check_references(r, catalog);
  r.throw_if_errors();
  return catalog;
}

Catalog build_default_catalog() {
  const auto& file = embedded::entry(kCatalogFile);
  Catalog catalog = build_catalog(JsonDocument::parse(std::string(kCatalogFile), file.contents), embedded_metros(), "embedded");
  catalog.info.digest = file.sha256;
  return catalog;
}

Catalog load_default_catalog() {
  const std::string_view snapshot = built_snapshots().catalog;
  return snapshot.empty() ? build_default_catalog() : read_catalog_snapshot(snapshot);
}

Catalog load_catalog_file(const FileSystem& fs, const std::string& path) {
  auto text = fs.read(path);
  if (!text) throw InputError(Diagnostic{Severity::error, path, 0, 0, "", "cannot read catalog file (missing or not a regular file)", {}});
  JsonDocument doc = JsonDocument::parse_file(path, *text);
  const Json* extends = doc.value().is_object() && doc.value().contains("extends") ? &doc.value()["extends"] : nullptr;
  if (!extends) {
    Catalog catalog = build_catalog(doc, embedded_metros(), path);
    catalog.info.digest = util::sha256_hex(*text);
    return catalog;
  }
  if (*extends != "default") throw InputError(doc.diagnose("/extends", fmt::format("expected \"default\", got {}", describe_json(*extends))));
  Catalog base = load_default_catalog();
  JsonReader r(doc);
  r.header("Catalog");
  Catalog overlay;
  read_catalog_body(r, overlay);
  r.throw_if_errors();
  // The overlay's assumptions started from the defaults, with its fields applied.
  if (r.find("/outposts/capacity_assumptions")) base.outposts.capacity = overlay.outposts.capacity;
  for (auto& site : overlay.sites) site.defined_in = path;
  upsert_by_id(base.sites, std::move(overlay.sites));
  upsert_by_id(base.outposts.form_factors, std::move(overlay.outposts.form_factors));
  base.metros.insert(base.metros.begin(), overlay.metros.begin(), overlay.metros.end());
  base.info.name += "+" + r.string("/metadata/name").value_or(path);
  base.info.version += "+" + r.string("/metadata/version").value_or("overlay");
  if (auto date = r.string("/metadata/date")) base.info.date = *date;
  base.info.origin = "embedded+" + path;
  base.info.digest = util::sha256_hex(base.info.digest + util::sha256_hex(*text));
  read_account_parts(r, base);
  r.throw_if_errors();
  finish(base);
  check_references(r, base);
  r.throw_if_errors();
  return base;
}

}  // namespace edgeplan
